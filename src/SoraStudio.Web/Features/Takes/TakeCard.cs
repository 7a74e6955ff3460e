using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Takes;

/// <summary>
/// One take as a card shows it (the shot page's, the gallery's, the API's list). Paths are inside the clip store; a null review
/// state means nobody reviewed it (pending); Kind says how a child came from its parent (remix, edit, extension); Number is
/// what the studio calls it within its project ("Take 3"; <see cref="TakeId"/> stays the key); SubmittedAt and ProgressAt
/// (when the provider last reported <see cref="Progress"/>) give its render's pace, for the estimate of the time left.
/// </summary>
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
    TakeKind Kind = TakeKind.Generation,
    int Number = 0,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? ProgressAt = null)
{
    /// <summary>The take's number in its project (its id only for a card made without one).</summary>
    public long DisplayNumber => Number > 0 ? Number : TakeId;

    /// <summary>"Take 3".</summary>
    public string Name => $"Take {DisplayNumber}";
}
