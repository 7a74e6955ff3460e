using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Turns queued takes into downloaded clips. It looks for takes that are due (their next check has come and
/// nobody holds them), leases each, and runs one step per lease, a few at a time. On start every unfinished
/// take is simply due again, so work resumes where it stopped, in this process or another one.
/// </summary>
internal sealed class GenerationWorker(
    IDbContextFactory<StudioDbContext> contexts,
    TakeLeases leases,
    IServiceScopeFactory scopes,
    GenerationSignal signal,
    IOptions<GenerationOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    VideosBackend backend,
    VideosProvider provider,
    TakeLifecycle lifecycle,
    ILogger<GenerationWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("The generation worker is off in this process (Studio:Generation:Enabled = false).");
            return;
        }
        if (backend.Unusable is { } reason)
        {
            logger.LogCritical("The generation worker does not start: {Reason}", reason);
            return;
        }
        // After start-up: migrations have run and, with the emulator in-process, the server is listening.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        logger.LogInformation("Generation worker {Owner} started.", leases.Owner);
        await ResumeTakesOfThisProviderAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.IdleDelay;
            try
            {
                wait = await StartDueStepsAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Looking for due takes failed; trying again shortly.");
            }
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(_running.Values);
    }

    /// <summary>The provider can change only with a restart: takes set aside for being at this one resume now.</summary>
    private async Task ResumeTakesOfThisProviderAsync()
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var resumed = await lifecycle.ResumeAtProviderAsync(db, provider.Current, CancellationToken.None);
            if (resumed > 0)
                logger.LogInformation("{Count} take(s) set aside for being at {Provider} resume: the studio uses it again.", resumed, VideosProvider.Describe(provider.Current));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Resuming the takes set aside for {Provider} failed; they stay set aside until the next start.", VideosProvider.Describe(provider.Current));
        }
    }

    /// <summary>Leases and starts what is due; returns how long to sleep if nothing wakes the worker.</summary>
    private async Task<TimeSpan> StartDueStepsAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var free = settings.MaxParallelSteps - _running.Count;
        if (free <= 0)
            return settings.IdleDelay;
        var now = time.GetUtcNow();
        // Quick reads and writes run to the end even when a stop is asked for: a stop lands between steps.
        var due = await FindDueAsync(free, now, CancellationToken.None);
        foreach (var takeId in due.TakeIds)
        {
            if (stoppingToken.IsCancellationRequested || !await leases.TryAcquireAsync(takeId, CancellationToken.None))
                continue;
            // Registered before it starts, so that its own removal can never come first.
            var step = new Task<Task>(() => RunStepAsync(takeId, stoppingToken));
            _running[takeId] = step.Unwrap();
            step.Start(TaskScheduler.Default);
        }
        var untilNext = due.NextCheckAt is { } next ? next - time.GetUtcNow() : settings.IdleDelay;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < settings.IdleDelay ? untilNext : settings.IdleDelay;
    }

    private async Task RunStepAsync(long takeId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TakeStepRunner>().RunAsync(takeId, stoppingToken);
        }
        finally
        {
            _running.TryRemove(takeId, out _);
            // A step may have freed a job slot or made the take due again soon.
            signal.Wake();
        }
    }

    private async Task<(List<long> TakeIds, DateTimeOffset? NextCheckAt)> FindDueAsync(int free, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var running = _running.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unleased = db.Takes.AsNoTracking().Where(t =>
            (t.LeaseOwner == null || t.LeaseExpiresAt < now) && !running.Contains(t.Id));
        var due = unleased.Where(t => t.NextCheckAt == null || t.NextCheckAt <= now);

        // Work already at the provider comes first; new submissions only while the key has a free job slot.
        var ids = await due
            .Where(t => t.Status == TakeStatus.Submitting || t.Status == TakeStatus.InProgress || t.Status == TakeStatus.Downloading
                || (t.Status == TakeStatus.Queued && t.CancelRequestedAt != null))
            .OrderBy(t => t.NextCheckAt).ThenBy(t => t.Id)
            .Select(t => t.Id).Take(free).ToListAsync(cancellationToken);
        var atProvider = await db.Takes.CountAsync(t => t.Status == TakeStatus.Submitting || t.Status == TakeStatus.InProgress, cancellationToken);
        var room = Math.Min(settings.MaxConcurrentJobs - atProvider, free - ids.Count);
        if (room > 0)
        {
            ids.AddRange(await due.Where(t => t.Status == TakeStatus.Queued)
                .OrderBy(t => t.Id).Select(t => t.Id).Take(room).ToListAsync(cancellationToken));
        }

        var next = await unleased
            .Where(t => t.NextCheckAt > now && (t.Status == TakeStatus.Submitting || t.Status == TakeStatus.InProgress
                || t.Status == TakeStatus.Downloading || (t.Status == TakeStatus.Queued && room > 0)))
            .OrderBy(t => t.NextCheckAt).Select(t => t.NextCheckAt).FirstOrDefaultAsync(cancellationToken);
        return (ids, next);
    }
}
