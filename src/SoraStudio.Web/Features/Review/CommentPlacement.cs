namespace SoraStudio.Web.Features.Review;

/// <summary>Where a new comment sits on the take: at a time, over a range, or on the whole take.</summary>
public enum CommentPlacement
{
    Point,
    Range,
    Whole,
}
