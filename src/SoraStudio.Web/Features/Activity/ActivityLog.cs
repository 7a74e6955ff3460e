using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;

namespace SoraStudio.Web.Features.Activity;

/// <summary>
/// Writes the project's activity log. Entries are added to the caller's context and saved with the change they
/// record, so the log never claims what did not happen. Nothing updates or deletes an entry.
/// </summary>
public static class ActivityLog
{
    public static ActivityEntry Add(StudioDbContext db, DateTimeOffset at, long projectId, StudioIdentity actor, ActivityKind kind, string summary,
        long? shotId = null, long? takeId = null, decimal? cost = null)
    {
        var entry = new ActivityEntry
        {
            ProjectId = projectId,
            At = at,
            UserId = actor.IsSystem ? null : actor.UserId,
            Actor = actor.Name,
            Kind = kind,
            ShotId = shotId,
            TakeId = takeId,
            Cost = cost,
            Summary = summary.Length > 1000 ? summary[..999] + "…" : summary,
        };
        db.Activity.Add(entry);
        return entry;
    }
}
