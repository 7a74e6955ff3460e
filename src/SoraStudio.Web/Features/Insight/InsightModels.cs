using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Insight;

/// <summary>
/// What a set of takes cost and yielded. <see cref="Requested"/>: every take's estimate (what the activity log's
/// generation lines add up to); <see cref="Committed"/>: the estimates the budget counts (failed and canceled takes
/// cost nothing), exactly <c>GET …/budget</c>'s committed; <see cref="Paid"/>: of those, what providers accepted.
/// <see cref="ApprovedSeconds"/>: screen time approved — each shot's approved take (its most recently approved) once.
/// </summary>
public sealed record YieldFigures(int Attempted, int Approved, double ApprovedSeconds, decimal Requested, decimal Committed, decimal Paid)
{
    public static YieldFigures None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Committed dollars per approved second of screen time; null until something is approved.</summary>
    public decimal? DollarsPerApprovedSecond => ApprovedSeconds > 0 ? Math.Round(Committed / (decimal)ApprovedSeconds, 4) : null;

    /// <summary>Takes attempted per approved second of screen time; null until something is approved.</summary>
    public double? AttemptsPerApprovedSecond => ApprovedSeconds > 0 ? Math.Round(Attempted / ApprovedSeconds, 3) : null;
}

/// <summary>A shot's figures; <see cref="Number"/> is its place on the timeline, from 1.</summary>
public sealed record ShotYield(long ShotId, int Number, string Title, YieldFigures Figures);

/// <summary>The figures of the takes made with one model, or at one provider.</summary>
public sealed record GroupYield(string Name, YieldFigures Figures);

/// <summary>One day (UTC) of a project: takes asked for and their committed cost, takes approved.</summary>
public sealed record DayYield(DateOnly Day, int Attempted, decimal Committed, int Approved);

public sealed record FailureCount(string Provider, FailureClass Class, int Takes);

public sealed record ProjectInsight(
    long ProjectId,
    string ProjectName,
    YieldFigures Project,
    IReadOnlyList<ShotYield> Shots,
    IReadOnlyList<GroupYield> ByModel,
    IReadOnlyList<GroupYield> ByProvider,
    IReadOnlyList<DayYield> Days,
    IReadOnlyList<FailureCount> Failures)
{
    /// <summary>
    /// The shots that cost most per approved second, dearest first; a shot that has spent without an approved take
    /// yet comes before them all (its cost per approved second is unbounded).
    /// </summary>
    public IReadOnlyList<ShotYield> CostliestShots(int count) => Shots
        .Where(s => s.Figures.Committed > 0)
        .OrderByDescending(s => s.Figures.DollarsPerApprovedSecond is null)
        .ThenByDescending(s => s.Figures.DollarsPerApprovedSecond ?? s.Figures.Committed)
        .Take(count).ToList();
}
