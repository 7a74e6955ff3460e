using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Projects;

namespace SoraStudio.Web.Features.Activity;

public sealed record ActivityLine(long Id, DateTimeOffset At, string Actor, ActivityKind Kind, long? ShotId, long? TakeId, decimal? Cost, string Summary);

/// <param name="TotalCost">What the project's takes commit of its budget now: a failed or canceled take's cost is released.</param>
public sealed record ActivityPage(IReadOnlyList<ActivityLine> Lines, int Total, decimal TotalCost);

/// <summary>Reads a project's activity log, newest first, for its members.</summary>
public sealed class ActivityQueries(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access)
{
    public async Task<ActivityPage> ProjectAsync(long projectId, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        if (skip < 0 || take is < 1 or > 500)
            throw StudioException.Invalid("take", "Ask for 1 to 500 lines.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var all = db.Activity.AsNoTracking().Where(a => a.ProjectId == projectId);
        var lines = await all.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new ActivityLine(a.Id, a.At, a.Actor, a.Kind, a.ShotId, a.TakeId, a.Cost, a.Summary))
            .ToListAsync(cancellationToken);
        var total = await all.CountAsync(cancellationToken);
        // What the budget counts (takes not failed or canceled), so the page and GET …/budget say the same amount.
        var committed = await Budget.CommittedAsync(db, projectId, cancellationToken);
        return new ActivityPage(lines, total, committed);
    }
}
