using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Projects;

public sealed record ProjectSummary(
    long Id,
    string Name,
    string Description,
    string DefaultModel,
    string DefaultSize,
    decimal? Budget,
    StyleBible StyleBible,
    int ShotCount,
    DateTimeOffset CreatedAt,
    bool Archived = false);

/// <summary>USD: the budget (null for none), what takes that have not failed are estimated to cost, and what is left.</summary>
public sealed record BudgetStatus(decimal? Budget, decimal Committed, decimal? Remaining);
