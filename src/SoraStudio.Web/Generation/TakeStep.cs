using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// One leased take and the context that writes it. Every write goes through here: it moves the state machine,
/// keeps or gives back the lease, and tells the event stream. Writes are conditional on the lease (the
/// owner is a concurrency token), so a worker that lost its claim cannot overwrite the new holder's work.
/// </summary>
internal sealed class TakeStep(
    StudioDbContext db,
    Take take,
    GenerationOptions options,
    VideosProvider provider,
    TimeProvider time,
    EventStream<TakeChanged> events,
    ICrashPoints crashPoints,
    CancellationToken cancellationToken,
    CancellationToken leaseLost)
{
    public StudioDbContext Db => db;
    public Take Take => take;
    public GenerationOptions Options => options;
    /// <summary>Fires on shutdown or when the lease is lost.</summary>
    public CancellationToken Token => cancellationToken;

    /// <summary>Fires only when the lease is lost: a paid call in flight is let finish on shutdown, so its video id is written.</summary>
    public CancellationToken LeaseLost => leaseLost;
    public DateTimeOffset Now => time.GetUtcNow();

    public void Crash(string point) => crashPoints.Hit(point);

    public void MoveTo(TakeStatus status)
    {
        if (take.Status == status)
            return;
        TakeStateMachine.EnsureCanMove(take.Status, status);
        take.Status = status;
    }

    /// <summary>Writes the take and keeps the lease: more external calls follow in this step.</summary>
    public async Task WriteAsync()
    {
        take.LeaseExpiresAt = Now + options.LeaseDuration;
        await db.SaveChangesAsync(CancellationToken.None);
        Publish();
    }

    /// <summary>Writes the take, gives the lease back and says when to look at it again (null: as soon as possible).</summary>
    public async Task EndAsync(DateTimeOffset? nextCheckAt)
    {
        take.NextCheckAt = nextCheckAt;
        take.StepFailures = 0;
        take.LeaseOwner = null;
        take.LeaseExpiresAt = null;
        await db.SaveChangesAsync(CancellationToken.None);
        Publish();
    }

    public Task FinishAsync(TakeStatus status, FailureClass? failure = null, string? code = null, string? message = null)
    {
        MoveTo(status);
        take.FailureClass = failure;
        take.ErrorCode = code;
        take.ErrorMessage = message;
        take.TransientFailures = 0;
        return EndAsync(null);
    }

    /// <summary>
    /// Before any call about a take already submitted: a take submitted to another provider than the studio's current
    /// one is set aside with both named, and nothing is asked of either. True when it was set aside.
    /// </summary>
    public async Task<bool> SetAsideIfAtAnotherProviderAsync()
    {
        if (provider.IsCurrent(take.Provider))
            return false;
        await FinishAsync(TakeStatus.NeedsAttention, code: VideosProvider.ChangedCode, message: VideosProvider.ChangedMessage(take.Provider!, provider.Current));
        return true;
    }

    public Task FailAsync(FailureClass failure, string? code, string message) => FinishAsync(TakeStatus.Failed, failure, code, message);

    /// <summary>A transient problem: same state, the backoff grows, the last problem is shown.</summary>
    public Task RetryLaterAsync(string problem, TimeSpan? serverAsked = null)
    {
        take.TransientFailures++;
        take.ErrorMessage = problem;
        return EndAsync(Now + Backoff.Retry(options, take.TransientFailures, serverAsked));
    }

    /// <summary>Re-reads the row after a raw SQL write, so the next save starts from what is stored.</summary>
    public Task ReloadAsync() => db.Entry(take).ReloadAsync(CancellationToken.None);

    /// <summary>Tells the event stream about a state written outside <see cref="WriteAsync"/> (a raw conditional UPDATE).</summary>
    public void PublishCurrent() => Publish();

    private void Publish() => events.Publish(TakeChanged.From(take, Now));
}
