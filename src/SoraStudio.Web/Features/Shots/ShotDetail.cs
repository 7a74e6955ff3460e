using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Shots;

public sealed record ShotDetail(
    long Id,
    long ProjectId,
    int Position,
    string Title,
    ShotSpec Spec,
    ShotOverrides Overrides,
    string Notes,
    long? ReferenceAssetId,
    long? SelectedTakeId,
    DateTimeOffset UpdatedAt);
