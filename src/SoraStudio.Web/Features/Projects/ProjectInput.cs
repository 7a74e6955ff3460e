using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Projects;

/// <summary>What a person sets on a project. <paramref name="Budget"/> in USD; null for none.</summary>
public sealed record ProjectInput(
    string Name,
    string Description = "",
    string DefaultModel = "sora-2",
    string DefaultSize = "1280x720",
    decimal? Budget = null,
    StyleBible? StyleBible = null);
