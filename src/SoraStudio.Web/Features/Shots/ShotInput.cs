using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Shots;

/// <summary>
/// What a person sets on a shot. The spec is a draft: it may still be empty; generating needs it whole (with the
/// style bible applied). <paramref name="Overrides"/>: the bible fields the shot does not take (null: none).
/// </summary>
public sealed record ShotInput(string Title, ShotSpec Spec, string Notes = "", ShotOverrides? Overrides = null);
