using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Projects;

namespace SoraStudio.Web.Features.Insight;

/// <summary>A project's yield: what its takes cost, per shot, model, provider and day, against the screen time approved.</summary>
public sealed class InsightQueries(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access)
{
    /// <summary>How a take without a recorded provider (not submitted yet) is grouped.</summary>
    public const string NotSubmitted = "not submitted yet";

    public async Task<ProjectInsight> ProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(cancellationToken);
        var shots = await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Position, s.Title }).ToListAsync(cancellationToken);
        var takes = (await db.Takes.AsNoTracking().Where(t => t.ProjectId == projectId)
                .Select(t => new TakeRow(t.Id, t.ShotId, t.Model, t.Provider, t.Status, t.FailureClass, t.Seconds, t.EstimatedCost, t.Cost, t.CreatedAt))
                .ToListAsync(cancellationToken))
            .ToDictionary(t => t.Id);
        var approvals = await db.TakeReviews.AsNoTracking().Where(r => r.ProjectId == projectId && r.State == ReviewState.Approved)
            .Select(r => new { r.TakeId, r.ShotId, r.ReviewedAt }).ToListAsync(cancellationToken);

        // A shot's screen time is its approved take's (the most recently approved), counted once.
        var approvedTakes = approvals.Where(a => takes.ContainsKey(a.TakeId)).Select(a => a.TakeId).ToHashSet();
        var screenTakes = approvals.Where(a => takes.ContainsKey(a.TakeId)).GroupBy(a => a.ShotId)
            .Select(g => g.OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.TakeId).First().TakeId).ToHashSet();
        YieldFigures Figures(IEnumerable<TakeRow> rows) => Sum(rows, approvedTakes, screenTakes);

        var all = takes.Values.ToList();
        return new ProjectInsight(projectId, name, Figures(all),
            shots.Select(s => new ShotYield(s.Id, s.Position + 1, s.Title, Figures(all.Where(t => t.ShotId == s.Id)))).ToList(),
            all.GroupBy(t => t.Model).Select(g => new GroupYield(g.Key, Figures(g))).OrderByDescending(g => g.Figures.Committed).ThenBy(g => g.Name).ToList(),
            all.GroupBy(t => t.Provider ?? NotSubmitted).Select(g => new GroupYield(g.Key, Figures(g))).OrderByDescending(g => g.Figures.Committed).ThenBy(g => g.Name).ToList(),
            Days(all, approvals.Where(a => takes.ContainsKey(a.TakeId)).Select(a => a.ReviewedAt)),
            all.Where(t => t.Status == TakeStatus.Failed && t.FailureClass is not null)
                .GroupBy(t => (Provider: t.Provider ?? NotSubmitted, Class: t.FailureClass!.Value))
                .Select(g => new FailureCount(g.Key.Provider, g.Key.Class, g.Count())).OrderByDescending(f => f.Takes).ThenBy(f => f.Provider).ToList());
    }

    private static YieldFigures Sum(IEnumerable<TakeRow> rows, HashSet<long> approved, HashSet<long> onScreen)
    {
        int attempted = 0, approvedCount = 0;
        double seconds = 0;
        decimal requested = 0, committed = 0, paid = 0;
        foreach (var t in rows)
        {
            attempted++;
            requested += t.EstimatedCost;
            if (Budget.Counts(t.Status))
            {
                committed += t.EstimatedCost;
                paid += t.Cost ?? 0;
            }
            if (approved.Contains(t.Id))
                approvedCount++;
            if (onScreen.Contains(t.Id))
                seconds += t.Seconds;
        }
        return new YieldFigures(attempted, approvedCount, seconds, requested, committed, paid);
    }

    private static List<DayYield> Days(List<TakeRow> takes, IEnumerable<DateTimeOffset?> approvedAt)
    {
        var asked = takes.GroupBy(t => DateOnly.FromDateTime(t.CreatedAt.UtcDateTime))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Committed: g.Where(t => Budget.Counts(t.Status)).Sum(t => t.EstimatedCost)));
        var approvals = approvedAt.Where(a => a is not null).GroupBy(a => DateOnly.FromDateTime(a!.Value.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        return asked.Keys.Union(approvals.Keys).Order()
            .Select(d => new DayYield(d, asked.GetValueOrDefault(d).Count, asked.GetValueOrDefault(d).Committed, approvals.GetValueOrDefault(d)))
            .ToList();
    }

    private sealed record TakeRow(long Id, long ShotId, string Model, string? Provider, TakeStatus Status, FailureClass? FailureClass, int Seconds,
        decimal EstimatedCost, decimal? Cost, DateTimeOffset CreatedAt);
}
