using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>Runs one step for one leased take: reads it, picks the step its state calls for, and contains failures.</summary>
internal sealed class TakeStepRunner(
    IDbContextFactory<StudioDbContext> contexts,
    TakeLeases leases,
    SubmitStep submit,
    ReconcileStep reconcile,
    PollStep poll,
    DownloadStep download,
    CancelStep cancel,
    EventStream<TakeChanged> events,
    ICrashPoints crashPoints,
    IOptions<GenerationOptions> options,
    VideosProvider provider,
    TimeProvider time,
    ILogger<TakeStepRunner> logger)
{
    public async Task RunAsync(long takeId, CancellationToken stoppingToken)
    {
        await using var keeper = leases.Keep(takeId, logger);
        using var stopOrLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, keeper.Lost);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var take = await db.Takes.SingleOrDefaultAsync(t => t.Id == takeId, CancellationToken.None);
            if (take is null || take.LeaseOwner != leases.Owner)
                return;
            var step = new TakeStep(db, take, options.Value, provider, time, events, crashPoints, stopOrLost.Token, keeper.Lost);
            await DispatchAsync(step);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A clean stop: hand the take back so the next start resumes it without waiting out the lease.
            await leases.ReleaseAsync(takeId, CancellationToken.None);
        }
        catch (Exception e) when (keeper.Lost.IsCancellationRequested || e is DbUpdateConcurrencyException)
        {
            logger.LogWarning("Take {TakeId}: another worker took it over; this step wrote nothing more.", takeId);
        }
        catch (Exception e)
        {
            // Like a crash: nothing more is written and the lease runs out, then the take resumes from its last state.
            logger.LogError(e, "Take {TakeId}: the step failed; the take resumes when its lease runs out.", takeId);
        }
    }

    private async Task DispatchAsync(TakeStep step)
    {
        var take = step.Take;
        if (!TakeStateMachine.IsActive(take.Status))
        {
            await step.EndAsync(null);
            return;
        }
        // StepFailures counts leases without a finished step; the one just taken is included.
        if (take.StepFailures > step.Options.MaxStepFailures)
        {
            await step.FinishAsync(TakeStatus.NeedsAttention, FailureClass.Studio, "worker_failures",
                $"The worker stopped {take.StepFailures - 1} times in a row while handling this take (a crash or an unexpected error; see the logs), " +
                "so it was set aside. Retry it to try again.");
            return;
        }
        step.Crash(CrashPoint.AfterLease);
        var task = take.Status switch
        {
            TakeStatus.Submitting => reconcile.RunAsync(step),
            _ when take.CancelRequestedAt is not null => cancel.RunAsync(step),
            TakeStatus.Queued when take.Attempts > 0 => SubmitAgainAsync(step),
            TakeStatus.Queued => submit.RunAsync(step),
            TakeStatus.InProgress => poll.RunAsync(step),
            _ => download.RunAsync(step),
        };
        await task;
    }

    /// <summary>
    /// A queued take that was claimed for submission before: its last claim may have been undone by a lost write
    /// after its create was sent, so the provider's list is searched first (<see cref="ReconcileStep"/>).
    /// </summary>
    private async Task SubmitAgainAsync(TakeStep step)
    {
        if (await reconcile.FindEarlierSubmissionAsync(step))
            return;
        await submit.RunAsync(step);
    }
}
