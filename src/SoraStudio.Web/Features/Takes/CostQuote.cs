using SoraStudio.Core.Costs;
using SoraStudio.Web.Features.Projects;

namespace SoraStudio.Web.Features.Takes;

/// <summary>What generating would cost, and whether the budget allows it.</summary>
public sealed record CostQuote(CostEstimate Estimate, BudgetStatus Budget)
{
    public bool WithinBudget => Budget.Remaining is not { } remaining || Estimate.Total <= remaining;
}
