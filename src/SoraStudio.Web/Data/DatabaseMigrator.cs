using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>
/// Applies the checked-in migrations when the host starts, before the worker runs. Two studio processes starting
/// together are kept apart by EF Core's own migration lock (a row in <c>__EFMigrationsLock</c>).
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<StudioDbContext> contexts, StudioPaths paths, ILogger<DatabaseMigrator> logger) : IHostedService
{
    /// <summary>
    /// Longer than any migration of the studio's takes: a lock row this old was left by a process that died
    /// migrating. SQLite has no session lock that dies with its holder, and EF Core would wait for that row forever.
    /// </summary>
    internal static readonly TimeSpan AbandonedLockAge = TimeSpan.FromMinutes(10);

    // Raw SQL: the lock table is EF Core's own and has no entity.
    private const string LockTableExists = "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
    private const string LockTime = "SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"";
    private const string DeleteLock = "DELETE FROM \"__EFMigrationsLock\"";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.DataFolder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Only an upgrade takes the lock: a start with nothing to apply cannot leave one behind.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await ClearAbandonedLockAsync(db, cancellationToken);
            logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, paths.Database, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        // A pragma (raw SQL has no LINQ form); persistent in the file, so setting it once per start is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Waits while another process holds EF Core's migration lock, and removes the lock once it is older than
    /// <see cref="AbandonedLockAge"/>: then nobody will release it.
    /// </summary>
    private async Task ClearAbandonedLockAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        var logged = false;
        while (await LockTakenAtAsync(db, cancellationToken) is { } takenAt)
        {
            // EF Core stamps the lock with the wall clock, so it is read against the wall clock.
            if (DateTimeOffset.UtcNow - takenAt >= AbandonedLockAge)
            {
                logger.LogWarning("The migration lock of {Database} was taken at {TakenAt:u} and never released (a process stopped while migrating); removing it.",
                    paths.Database, takenAt);
                await db.Database.ExecuteSqlRawAsync(DeleteLock, cancellationToken);
                return;
            }
            if (!logged)
                logger.LogInformation("Waiting for another process to finish migrating {Database} (its lock dates from {TakenAt:u}).", paths.Database, takenAt);
            logged = true;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static async Task<DateTimeOffset?> LockTakenAtAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Database.SqlQueryRaw<int>(LockTableExists).SingleAsync(cancellationToken) == 0)
            return null;
        var takenAt = await db.Database.SqlQueryRaw<string>(LockTime).FirstOrDefaultAsync(cancellationToken);
        if (takenAt is null)
            return null;
        // An unreadable time counts as old: EF Core writes a readable one.
        return DateTimeOffset.TryParse(takenAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
    }
}
