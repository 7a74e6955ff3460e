using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

/// <summary>
/// Writes the project's activity log. Entries are added to the caller's context and saved with the change they
/// record, so the log never claims what did not happen. Nothing updates or deletes an entry.
/// </summary>
/// <remarks>
/// It sits in Accounts, not Activity: every entry is stamped with who acted (<see cref="StudioIdentity"/>), and every
/// feature that records changes (accounts, projects, takes, review, import) stands on Accounts already; the Activity
/// feature only reads the log.
/// </remarks>
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
