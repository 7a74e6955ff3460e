using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Projects;

/// <summary>What a project's takes commit of its budget: the estimate of every take that has not failed or been canceled.</summary>
internal static class Budget
{
    public static bool Counts(TakeStatus status) => status is not (TakeStatus.Failed or TakeStatus.Canceled);

    public static async Task<decimal> CommittedAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken) =>
        await db.Takes
            .Where(t => t.ProjectId == projectId && t.Status != TakeStatus.Failed && t.Status != TakeStatus.Canceled)
            .SumAsync(t => t.EstimatedCost, cancellationToken);

    public static async Task<BudgetStatus> StatusAsync(StudioDbContext db, long projectId, decimal? budget, CancellationToken cancellationToken)
    {
        var committed = await CommittedAsync(db, projectId, cancellationToken);
        return new BudgetStatus(budget, committed, budget - committed);
    }
}
