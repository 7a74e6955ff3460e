namespace SoraStudio.Web.Features.Review;

/// <summary>A comment's place on the scrub bar: a point (no end) or a range.</summary>
public sealed record ScrubMarker(long CommentId, double Start, double? End, string Label, bool Resolved)
{
    /// <summary>The markers of a thread's timed comments (not replies), the resolved ones only when they are shown.</summary>
    public static IReadOnlyList<ScrubMarker> For(IEnumerable<CommentView> comments, bool showResolved) => comments
        .Where(c => c.ParentId is null && c.StartSeconds is not null && (showResolved || !c.IsResolved))
        .Select(c => new ScrubMarker(c.Id, c.StartSeconds!.Value, c.EndSeconds,
            $"{CommentRules.Format(c.StartSeconds!.Value)}{(c.EndSeconds is { } e ? "–" + CommentRules.Format(e) : "")} {c.AuthorName}: {Shorten(c.Body)}", c.IsResolved))
        .ToList();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
