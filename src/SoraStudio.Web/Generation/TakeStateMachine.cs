using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// The take lifecycle. Every move is written to the database before the worker's next external call, so a
/// crash anywhere resumes from the last state written. Retrying a finished take makes a new take.
/// </summary>
public static class TakeStateMachine
{
    private static readonly Dictionary<TakeStatus, TakeStatus[]> Moves = new()
    {
        // Submitting is the intent, written before the create call; Queued again after a 429 (nothing was created).
        // Straight to InProgress only when the provider's list holds the create of a claim a lost write undid.
        [TakeStatus.Queued] = [TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Failed, TakeStatus.Canceled, TakeStatus.NeedsAttention],
        // From Submitting, Queued again only when the provider's list proves the create never arrived.
        [TakeStatus.Submitting] = [TakeStatus.InProgress, TakeStatus.Queued, TakeStatus.Failed, TakeStatus.Canceled, TakeStatus.NeedsAttention],
        [TakeStatus.InProgress] = [TakeStatus.Downloading, TakeStatus.Failed, TakeStatus.Expired, TakeStatus.Canceled, TakeStatus.NeedsAttention],
        [TakeStatus.Downloading] = [TakeStatus.Ready, TakeStatus.Expired, TakeStatus.Failed, TakeStatus.Canceled, TakeStatus.NeedsAttention],
        // A person dismisses a take that needs attention. One set aside because the studio changed provider goes back
        // to where it stood at its provider when the studio uses that provider again. Nothing else leaves a final state.
        [TakeStatus.NeedsAttention] = [TakeStatus.Canceled, TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Downloading],
        [TakeStatus.Ready] = [],
        [TakeStatus.Failed] = [],
        [TakeStatus.Canceled] = [],
        [TakeStatus.Expired] = [],
    };

    /// <summary>Where every new take starts.</summary>
    public const TakeStatus Initial = TakeStatus.Queued;

    /// <summary>The states the worker still has work in.</summary>
    public static IReadOnlyList<TakeStatus> Active { get; } =
        [TakeStatus.Queued, TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Downloading];

    /// <summary>The states that hold one of the API key's concurrent job slots.</summary>
    public static IReadOnlyList<TakeStatus> AtProvider { get; } = [TakeStatus.Submitting, TakeStatus.InProgress];

    public static bool IsActive(TakeStatus status) => Active.Contains(status);

    /// <summary>Failed, canceled or expired takes can be tried again (as a new take); a take that needs attention too.</summary>
    public static bool CanRetry(TakeStatus status) =>
        status is TakeStatus.Failed or TakeStatus.Canceled or TakeStatus.Expired or TakeStatus.NeedsAttention;

    public static bool CanMove(TakeStatus from, TakeStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<TakeStatus> NextStates(TakeStatus from) => Moves[from];

    public static void EnsureCanMove(TakeStatus from, TakeStatus to)
    {
        if (!CanMove(from, to))
            throw new InvalidOperationException($"A take cannot move from {from} to {to}.");
    }
}
