using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>One shot on the timeline, with its selected take's thumbnail and how its takes are doing.</summary>
public sealed record TimelineShot(
    long ShotId,
    int Position,
    string Title,
    long? SelectedTakeId,
    string? SelectedThumbnailPath,
    string? SelectedVideoPath,
    int TakeCount,
    int ReadyCount,
    int ActiveCount);

public sealed record ClipInfo(
    long Id,
    string Variant,
    string RelativePath,
    long Bytes,
    string Sha256,
    string ContentType,
    int? Width,
    int? Height,
    double? DurationSeconds);

/// <summary>Everything about one take: its card, what was sent, and its files.</summary>
public sealed record TakeDetail(
    TakeCard Card,
    long ProjectId,
    string Prompt,
    ShotSpec Spec,
    string? VideoId,
    long? RetryOfTakeId,
    int Attempts,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<ClipInfo> Clips);

/// <summary>A take in a lineage tree: its parent (null for the root), how it came from it, and its place among its siblings.</summary>
public sealed record RemixNode(long TakeId, long? ParentTakeId, string? RemixInstruction, TakeStatus Status, string? ThumbnailPath, DateTimeOffset CreatedAt,
    TakeKind Kind = TakeKind.Generation);

public sealed record TakePage(IReadOnlyList<TakeCard> Takes, int Total, int Page, int PageSize);

/// <summary>Takes by status, and money: the estimate of what is committed and the cost of what was submitted.</summary>
public sealed record ProjectActivity(IReadOnlyDictionary<TakeStatus, int> TakesByStatus, decimal Committed, decimal Submitted, decimal? Budget);
