using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>A project's cast as prompts see it: who can be sent with the provider the studio uses now.</summary>
public static class ProjectCast
{
    public static async Task<IReadOnlyList<CastEntry>> EntriesAsync(StudioDbContext db, long projectId, string currentProvider, CancellationToken cancellationToken)
    {
        var members = await db.CastMembers.AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.Name)
            .Select(m => new { m.Name, m.CharacterId, m.State, m.Provider }).ToListAsync(cancellationToken);
        return [.. members.Select(m => new CastEntry(m.Name, m.CharacterId, Availability(m.State, m.Provider, currentProvider)))];
    }

    public static CastAvailability Availability(CastMemberState state, string provider, string currentProvider) =>
        state != CastMemberState.Ready ? CastAvailability.NotReady
        : provider != currentProvider ? CastAvailability.OtherProvider
        : CastAvailability.Usable;
}
