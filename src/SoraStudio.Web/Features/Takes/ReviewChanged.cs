namespace SoraStudio.Web.Features.Takes;

public enum ReviewChangeKind
{
    Comment,
    Review,
    Activity,
}

/// <summary>
/// Something about a take's review changed: a comment, its state or rating, or the project's activity. A change of
/// kind <see cref="ReviewChangeKind.Review"/> carries the take's review as it now is.
/// </summary>
/// <remarks>
/// Review publishes it; it is declared here because every take card (<see cref="ReviewIndicator"/>) follows it, and
/// Review stands on Takes (a note turns into a remix), not the other way round.
/// </remarks>
public sealed record ReviewChanged(long ProjectId, long? TakeId, ReviewChangeKind Kind, ReviewMark? Review = null);

/// <summary>A take's review state and rating (1–5, or null when unrated).</summary>
public sealed record ReviewMark(SoraStudio.Web.Data.ReviewState State, int? Rating);
