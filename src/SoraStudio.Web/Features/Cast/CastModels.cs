using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Cast;

/// <summary>A member of a project's cast as the cast editor and the API show it.</summary>
/// <param name="UsableHere">Ready, and made with the provider the studio uses now: a shot that names it sends its character.</param>
public sealed record CastMemberInfo(
    long Id,
    long ProjectId,
    string Name,
    CastMemberState State,
    string Provider,
    string? CharacterId,
    bool UsableHere,
    long? SourceTakeId,
    double? FromSeconds,
    double? ToSeconds,
    string FileName,
    int? Width,
    int? Height,
    double? DurationSeconds,
    bool HasThumbnail,
    string? ErrorMessage,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public string ProviderName => VideosProvider.Describe(Provider);

    internal static CastMemberInfo From(CastMember m, string currentProvider) => new(
        m.Id, m.ProjectId, m.Name, m.State, m.Provider, m.CharacterId,
        m.State == CastMemberState.Ready && m.Provider == currentProvider,
        m.SourceTakeId, m.FromSeconds, m.ToSeconds, m.FileName, m.Width, m.Height, m.DurationSeconds,
        m.ThumbnailPath is not null, m.ErrorMessage, m.CreatedBy, m.CreatedAt);
}
