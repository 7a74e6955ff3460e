using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>A take's state as just written: what a live view needs to redraw one take card (its progress and pace too).</summary>
public sealed record TakeChanged(
    long TakeId,
    long ShotId,
    long ProjectId,
    TakeStatus Status,
    int Progress,
    FailureClass? FailureClass,
    string? ErrorMessage,
    DateTimeOffset At,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? ProgressAt = null,
    int Number = 0)
{
    /// <summary>"Take 3": its number in its project (its id where the change did not carry one).</summary>
    public string Name => $"Take {(Number > 0 ? Number : TakeId)}";

    public static TakeChanged From(Take take, DateTimeOffset at) =>
        new(take.Id, take.ShotId, take.ProjectId, take.Status, take.Progress, take.FailureClass, take.ErrorMessage, at, take.SubmittedAt, take.ProgressAt, take.Number);
}
