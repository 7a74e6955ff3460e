using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>A take's state as just written: what a live view needs to redraw one take card.</summary>
public sealed record TakeChanged(
    long TakeId,
    long ShotId,
    long ProjectId,
    TakeStatus Status,
    int Progress,
    FailureClass? FailureClass,
    string? ErrorMessage,
    DateTimeOffset At)
{
    public static TakeChanged From(Take take, DateTimeOffset at) =>
        new(take.Id, take.ShotId, take.ProjectId, take.Status, take.Progress, take.FailureClass, take.ErrorMessage, at);
}
