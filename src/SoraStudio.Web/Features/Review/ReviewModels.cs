using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Review;

/// <summary>A comment as the thread shows it; <see cref="AuthorId"/> is empty for an imported note whose author has no account here.</summary>
public sealed record CommentView(
    long Id,
    long? ParentId,
    string AuthorId,
    string AuthorName,
    string Body,
    double? StartSeconds,
    double? EndSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    long? RemixTakeId,
    IReadOnlyList<string> Mentions,
    string? ImportedAuthorEmail = null,
    TakeKind? RemixKind = null)
{
    /// <summary>An imported note whose author has no account here: <see cref="AuthorName"/> and this email are the archive's.</summary>
    public bool IsImported => ImportedAuthorEmail is not null;

    public bool IsResolved => ResolvedAt is not null;
}

/// <summary>What a new comment says, and where: a point (start only), a range, or the whole take (neither).</summary>
public sealed record CommentInput(string Body, double? StartSeconds = null, double? EndSeconds = null, long? ParentId = null);

/// <summary>
/// A take's thread with what the current user may do in it. <see cref="ChangeKind"/>: how a note becomes the next take
/// at the take's provider (an edit, a remix, or neither).
/// </summary>
public sealed record CommentThreadData(
    long TakeId,
    long ProjectId,
    double DurationSeconds,
    string CurrentUserId,
    ProjectRole Role,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<(string UserId, string Name)> Members,
    TakeKind? ChangeKind = TakeKind.Remix,
    IReadOnlyList<ScheduledBeat>? Beats = null,
    IReadOnlyList<ScheduledBeat>? Lines = null);

public sealed record TakeReviewInfo(
    long TakeId,
    long ProjectId,
    long ShotId,
    string ShotTitle,
    string ProjectName,
    TakeStatus TakeStatus,
    int Seconds,
    string Prompt,
    ReviewState State,
    int? Rating,
    string Note,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    bool IsApprovedTakeOfShot,
    ProjectRole Role);

/// <summary>A take waiting for the current user's review.</summary>
public sealed record QueueItem(long TakeId, long ProjectId, string ProjectName, long ShotId, string ShotTitle, string RequestedBy,
    DateTimeOffset CreatedAt, int OpenComments, string? ThumbnailPath, int TakeNumber = 0);

/// <summary>An open comment that @mentions the current user.</summary>
public sealed record MentionItem(long CommentId, long TakeId, string ShotTitle, string ProjectName, string AuthorName, string Body, double? StartSeconds, DateTimeOffset CreatedAt,
    int TakeNumber = 0);
