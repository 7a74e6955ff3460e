namespace SoraStudio.Web.Features.Review;

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
public sealed record ReviewChanged(long ProjectId, long? TakeId, ReviewChangeKind Kind, ReviewMark? Review = null);

/// <summary>A take's review state and rating (1–5, or null when unrated).</summary>
public sealed record ReviewMark(SoraStudio.Web.Data.ReviewState State, int? Rating);
