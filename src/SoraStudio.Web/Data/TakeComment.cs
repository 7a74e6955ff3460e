namespace SoraStudio.Web.Data;

/// <summary>A plain-text note on a take, at a point or over a range of its video, or a reply to another comment.</summary>
public sealed class TakeComment
{
    public long Id { get; set; }
    public long TakeId { get; set; }
    public Take? Take { get; set; }
    public long ProjectId { get; set; }

    /// <summary>For a reply: the comment it answers (replies are one level deep).</summary>
    public long? ParentCommentId { get; set; }

    /// <summary>The author's account; null for a note imported from an archive whose author has no account here.</summary>
    public string? AuthorUserId { get; set; }
    public StudioUser? Author { get; set; }

    /// <summary>
    /// Who wrote an imported note when no account of this studio has their email: kept and shown with the note,
    /// so that it is never attributed to whoever imported it.
    /// </summary>
    public string? ImportedAuthorName { get; set; }
    public string? ImportedAuthorEmail { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Seconds into the video; null for a comment on the whole take.</summary>
    public double? StartSeconds { get; set; }
    /// <summary>The end of a range; null for a point.</summary>
    public double? EndSeconds { get; set; }

    /// <summary>The ids of the members the body @mentions.</summary>
    public List<string> Mentions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedByUserId { get; set; }

    /// <summary>The remix made from this comment; approving that take resolves the comment.</summary>
    public long? RemixTakeId { get; set; }
}
