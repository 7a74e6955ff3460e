using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>What a cancel did: the take's status right after it, and whether the take could be canceled at all.</summary>
public sealed record CancelOutcome(TakeStatus Status, bool Accepted);

/// <summary>
/// Every write of a take's status outside the worker's steps: new takes enter the queue, a cancel is asked for, a
/// finished take arrives from an import. Each checks <see cref="TakeStateMachine"/>; the worker's steps write the rest
/// (<see cref="TakeStep"/>). Callers own the context and its transaction, and announce what they committed.
/// </summary>
public sealed class TakeLifecycle(GenerationSignal signal, EventStream<TakeChanged> events, TimeProvider time)
{
    private const string CanceledBeforeSubmitted = "Canceled before it was submitted.";

    /// <summary>States a take leaves for Canceled at once, with nothing at the provider to stop.</summary>
    private static readonly TakeStatus[] CanceledAtOnce = [TakeStatus.Queued, TakeStatus.NeedsAttention];

    /// <summary>Adds new takes to the queue; they are written with the caller's next save.</summary>
    public void Enqueue(StudioDbContext db, IEnumerable<Take> takes)
    {
        foreach (var take in takes)
        {
            EnsureNew(take);
            take.Status = TakeStateMachine.Initial;
            db.Takes.Add(take);
        }
    }

    /// <summary>Tells the views about takes just committed and wakes the worker for queued ones.</summary>
    public void Announce(IEnumerable<Take> takes)
    {
        var now = time.GetUtcNow();
        var queued = false;
        foreach (var take in takes)
        {
            events.Publish(TakeChanged.From(take, now));
            queued |= take.Status == TakeStatus.Queued;
        }
        if (queued)
            signal.Wake();
    }

    /// <summary>
    /// Adds a finished take brought in from elsewhere (an imported clip, a project archive), written with the
    /// caller's next save. Only a finished state can arrive this way: the worker never saw the take.
    /// </summary>
    public void AddImported(StudioDbContext db, Take take, TakeStatus status)
    {
        EnsureNew(take);
        if (TakeStateMachine.IsActive(status))
            throw new InvalidOperationException($"An imported take must be finished, not {status}.");
        take.Status = status;
        take.LeaseOwner = null;
        take.LeaseExpiresAt = null;
        take.NextCheckAt = null;
        db.Takes.Add(take);
    }

    /// <summary>
    /// Cancels a take: one not yet submitted (and not claimed by a worker) or set aside is canceled at once; one at the
    /// provider is marked, and the worker deletes its job and then cancels it. Null when there is no such take.
    /// </summary>
    public async Task<CancelOutcome?> RequestCancelAsync(StudioDbContext db, long takeId, CancellationToken cancellationToken)
    {
        foreach (var from in CanceledAtOnce)
            TakeStateMachine.EnsureCanMove(from, TakeStatus.Canceled);
        var now = time.GetUtcNow();
        var rows = await db.Takes
            .Where(t => t.Id == takeId
                && ((t.Status == TakeStatus.Queued && (t.LeaseOwner == null || t.LeaseExpiresAt < now)) || t.Status == TakeStatus.NeedsAttention))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TakeStatus.Canceled)
                .SetProperty(t => t.CancelRequestedAt, now)
                .SetProperty(t => t.NextCheckAt, (DateTimeOffset?)null)
                .SetProperty(t => t.ErrorMessage, CanceledBeforeSubmitted), cancellationToken);
        if (rows == 0)
        {
            TakeStatus[] active = [.. TakeStateMachine.Active];
            rows = await db.Takes.Where(t => t.Id == takeId && active.Contains(t.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CancelRequestedAt, now).SetProperty(t => t.NextCheckAt, now), cancellationToken);
        }
        var take = await db.Takes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == takeId, cancellationToken);
        if (take is null)
            return null;
        if (rows > 0)
        {
            events.Publish(TakeChanged.From(take, now));
            signal.Wake();
        }
        return new CancelOutcome(take.Status, rows > 0);
    }

    /// <summary>
    /// Takes set aside because the studio had changed provider (<see cref="VideosProvider.ChangedCode"/>) go back to
    /// where they stood at <paramref name="provider"/> now that the studio uses it again: a take without a video to
    /// Submitting (its video is searched for, and only then is it queued again), one with a video still rendering to
    /// InProgress, one completed to Downloading. Returns how many.
    /// </summary>
    public async Task<int> ResumeAtProviderAsync(StudioDbContext db, string provider, CancellationToken cancellationToken)
    {
        var setAside = db.Takes.Where(t => t.Status == TakeStatus.NeedsAttention && t.ErrorCode == VideosProvider.ChangedCode && t.Provider == provider);
        var resumed = 0;
        foreach (var (to, where) in new (TakeStatus, IQueryable<Take>)[]
        {
            (TakeStatus.Submitting, setAside.Where(t => t.VideoId == null)),
            (TakeStatus.InProgress, setAside.Where(t => t.VideoId != null && t.CompletedAt == null)),
            (TakeStatus.Downloading, setAside.Where(t => t.VideoId != null && t.CompletedAt != null)),
        })
        {
            TakeStateMachine.EnsureCanMove(TakeStatus.NeedsAttention, to);
            resumed += await where.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, to)
                .SetProperty(t => t.ErrorCode, (string?)null)
                .SetProperty(t => t.ErrorMessage, (string?)null)
                .SetProperty(t => t.FailureClass, (FailureClass?)null)
                .SetProperty(t => t.StepFailures, 0)
                .SetProperty(t => t.NextCheckAt, (DateTimeOffset?)null)
                .SetProperty(t => t.LeaseOwner, (string?)null)
                .SetProperty(t => t.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        }
        if (resumed > 0)
            signal.Wake();
        return resumed;
    }

    private static void EnsureNew(Take take)
    {
        if (take.Id != 0)
            throw new InvalidOperationException($"Take {take.Id} is already stored; only a new take enters this way.");
    }
}
