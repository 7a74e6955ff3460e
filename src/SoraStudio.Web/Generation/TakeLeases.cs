using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Claims on takes, held in the row (owner + expiry) so that every studio process on the database agrees.
/// Each claim is one conditional UPDATE: of two workers asking at once, exactly one sees a row change.
/// </summary>
internal sealed class TakeLeases(IDbContextFactory<StudioDbContext> contexts, TimeProvider time, IOptions<GenerationOptions> options)
{
    /// <summary>This worker's name in <see cref="Take.LeaseOwner"/>: unique per worker, even with two in one process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public TimeSpan Duration => options.Value.LeaseDuration;

    /// <summary>Claims a take that is free or whose claim ran out. Counts a step failure until the step ends and clears it.</summary>
    public async Task<bool> TryAcquireAsync(long takeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + Duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Takes.Where(t => t.Id == takeId && (t.LeaseOwner == null || t.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.LeaseOwner, Owner)
                .SetProperty(t => t.LeaseExpiresAt, expires)
                .SetProperty(t => t.StepFailures, t => t.StepFailures + 1), cancellationToken);
        return rows == 1;
    }

    /// <summary>Extends this worker's claim; false when it was lost (expired and taken by another worker).</summary>
    public async Task<bool> RenewAsync(long takeId, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + Duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Takes.Where(t => t.Id == takeId && t.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, expires), cancellationToken);
        return rows == 1;
    }

    /// <summary>Gives a claim back without writing anything else (shutdown).</summary>
    public async Task ReleaseAsync(long takeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Takes.Where(t => t.Id == takeId && t.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Renews the claim in the background while a step runs; <see cref="LeaseKeeper.Lost"/> fires if it is lost.</summary>
    public LeaseKeeper Keep(long takeId, ILogger logger) => new(this, takeId, logger);
}
