using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Storage;

/// <summary>Removes the clip store's orphans: temp files of interrupted writes, and files no clip, asset or cast member refers to.</summary>
public sealed class ClipStoreSweeper(
    IDbContextFactory<StudioDbContext> contexts,
    ClipStore store,
    IOptions<StorageOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ClipStoreSweeper> logger) : BackgroundService
{
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var referenced = (await db.Clips.Select(c => c.RelativePath).ToListAsync(cancellationToken))
            .Concat(await db.Assets.Select(a => a.RelativePath).ToListAsync(cancellationToken))
            .Concat(await db.CastMembers.Select(m => m.ClipPath).ToListAsync(cancellationToken))
            .Concat(await db.CastMembers.Where(m => m.ThumbnailPath != null).Select(m => m.ThumbnailPath!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var deleted = store.DeleteOrphans(referenced, options.Value.OrphanGracePeriod, time.GetUtcNow());
        if (deleted.Count > 0)
            logger.LogInformation("Deleted {Count} orphaned file(s) from the clip store.", deleted.Count);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start-up, so that the database has been migrated.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Sweeping the clip store failed.");
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
