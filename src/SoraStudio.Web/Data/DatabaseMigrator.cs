using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>Applies the checked-in migrations when the host starts, before the worker runs.</summary>
internal sealed class DatabaseMigrator(IDbContextFactory<StudioDbContext> contexts, StudioPaths paths, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.DataFolder);
        // EF Core 6 takes no migration lock: two studio processes starting together would both create tables.
        await using var migrationLock = await AcquireLockAsync(paths.Database + ".migrate.lock", cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, paths.Database, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        // Persistent in the file, so setting it once per start is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
