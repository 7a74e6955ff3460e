namespace SoraStudio.Web.Data;

/// <summary>Where a take is in the worker's state machine (see Generation/TakeStateMachine.cs). Stored as text.</summary>
public enum TakeStatus
{
    Queued,
    Submitting,
    InProgress,
    Downloading,
    Ready,
    Failed,
    Canceled,
    Expired,
    NeedsAttention,
}
