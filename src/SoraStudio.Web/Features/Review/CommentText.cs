namespace SoraStudio.Web.Features.Review;

/// <summary>One piece of a comment's text: plain text, or an @mention of a member.</summary>
public sealed record CommentSegment(string Text, string? MentionedUserId);

/// <summary>The rules of a comment's text, and its @mentions of members (names may hold spaces: the longest match wins).</summary>
public static partial class CommentRules
{
    public const int MaxLength = 2000;

    /// <summary>The reason the body is refused, or null. Bodies are plain text; markup is kept and shown as text.</summary>
    public static string? Check(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0)
            return "Write something first.";
        if (text.Length > MaxLength)
            return $"A comment holds at most {MaxLength} characters; this one has {text.Length}.";
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'))
            return "The comment contains control characters.";
        return null;
    }

    /// <summary>
    /// Why a time code is refused on a take of <paramref name="seconds"/>, or null: a point (start only), a range
    /// (end after start), or neither; within the take.
    /// </summary>
    public static (string Field, string Problem)? CheckTimes(double? start, double? end, double seconds)
    {
        if (start is null && end is not null)
            return ("startSeconds", "A range needs a start.");
        if (start is { } s && (double.IsNaN(s) || s < 0 || s > seconds))
            return ("startSeconds", $"The time must be within the take's {seconds} s.");
        if (end is { } e && (double.IsNaN(e) || e <= start || e > seconds))
            return ("endSeconds", $"The range must end after it starts and within the take's {seconds} s.");
        return null;
    }

    public static IReadOnlyList<CommentSegment> Split(string body, IReadOnlyCollection<(string UserId, string Name)> members)
    {
        var names = members.Where(m => m.Name.Length > 0).OrderByDescending(m => m.Name.Length).ToList();
        var segments = new List<CommentSegment>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '@' || (i > 0 && char.IsLetterOrDigit(body[i - 1])))
                continue;
            foreach (var (userId, name) in names)
            {
                var end = i + 1 + name.Length;
                if (end <= body.Length && string.Compare(body, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == body.Length || !char.IsLetterOrDigit(body[end])))
                {
                    if (i > start)
                        segments.Add(new CommentSegment(body[start..i], null));
                    segments.Add(new CommentSegment(body[i..end], userId));
                    start = end;
                    i = end - 1;
                    break;
                }
            }
        }
        if (start < body.Length)
            segments.Add(new CommentSegment(body[start..], null));
        return segments;
    }

    public static List<string> Mentions(string body, IReadOnlyCollection<(string UserId, string Name)> members) =>
        Split(body, members).Where(s => s.MentionedUserId is not null).Select(s => s.MentionedUserId!).Distinct().ToList();

    /// <summary>
    /// The comment's text without its @mentions: what a note says to the provider when it becomes the next take. A mention
    /// addresses a colleague, not the video model ("@Ana warmer light" → "warmer light"); the punctuation and spaces it
    /// leaves behind go with it.
    /// </summary>
    public static string WithoutMentions(string body, IReadOnlyCollection<(string UserId, string Name)> members)
    {
        var text = string.Concat(Split(body, members).Select(s => s.MentionedUserId is null ? s.Text : ""));
        text = LeftAfterMention().Replace(text, " ");
        text = LeadingPunctuation().Replace(text, "");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return text.Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]{2,}")]
    private static partial System.Text.RegularExpressions.Regex LeftAfterMention();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\s,;:.\-–—]+")]
    private static partial System.Text.RegularExpressions.Regex LeadingPunctuation();

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]+([,;:.!?])")]
    private static partial System.Text.RegularExpressions.Regex SpaceBeforePunctuation();

    /// <summary>0:02, 1:05.5 — how a time code reads on the page.</summary>
    public static string Format(double seconds)
    {
        var whole = (int)Math.Floor(seconds);
        var tenths = (int)Math.Round((seconds - whole) * 10);
        if (tenths == 10) { whole++; tenths = 0; }
        var text = $"{whole / 60}:{whole % 60:00}";
        return tenths == 0 ? text : $"{text}.{tenths}";
    }

    /// <summary>What deleting asks, and the dialog's title: a reply has no replies of its own, so only a comment that has some mentions them.</summary>
    public static (string Question, string Title) DeleteQuestion(CommentView comment, int replies) =>
        comment.ParentId is not null ? ("Delete this reply?", "Delete reply")
        : replies == 0 ? ("Delete this comment?", "Delete comment")
        : ($"Delete this comment and its {(replies == 1 ? "reply" : $"{replies} replies")}?", "Delete comment");
}
