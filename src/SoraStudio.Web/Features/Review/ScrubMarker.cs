namespace SoraStudio.Web.Features.Review;

/// <summary>A comment's place on the scrub bar: a point (no end) or a range.</summary>
public sealed record ScrubMarker(long CommentId, double Start, double? End, string Label, bool Resolved);
