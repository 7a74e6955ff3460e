using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Takes;

/// <summary>One take as a card shows it (the shot page's, the gallery's, the API's list). Paths are inside the clip store; a null review state means nobody reviewed it (pending); Kind says how a child came from its parent (remix, edit, extension).</summary>
public sealed record TakeCard(
    long TakeId,
    long ShotId,
    long? ParentTakeId,
    string? RemixInstruction,
    TakeStatus Status,
    int Progress,
    FailureClass? FailureClass,
    string? ErrorMessage,
    string Model,
    string Size,
    int Seconds,
    decimal EstimatedCost,
    decimal? Cost,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? ThumbnailPath,
    string? VideoPath,
    ReviewState? ReviewState = null,
    int? Rating = null,
    TakeKind Kind = TakeKind.Generation);
