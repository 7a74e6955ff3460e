using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.Data;

/// <summary>Migrations at start with EF Core's migration lock: several processes, and one that died migrating.</summary>
public sealed class DatabaseMigratorTests
{
    /// <summary>The migration before the last: a database an upgrade still has work for.</summary>
    private const string BeforeTheLast = "20261121045409_ApiTokens";

    [Fact]
    public async Task ThreeStudiosStartingTogetherOnANewDatabaseMigrateItOnce()
    {
        using var folder = new TempFolder();

        var studios = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OfflineStudio.StartAsync(folder)));

        await using var db = await studios[0].DbAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await LockRowsAsync(db));
        foreach (var studio in studios)
            await studio.DisposeAsync();
    }

    [Fact]
    public async Task AStartWaitsForAnotherProcessMigratingAndThenFindsNothingToDo()
    {
        using var folder = new TempFolder();
        await using var other = await OlderDatabaseAsync(folder);
        var held = await other.GetService<IHistoryRepository>().AcquireDatabaseLockAsync();

        var starting = OfflineStudio.StartAsync(folder);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(starting.IsCompleted, "The studio started while another process held the migration lock.");
        await held.DisposeAsync();
        await using var studio = await starting.WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = await studio.DbAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AMigrationLockLeftByAProcessThatDiedMigratingIsRemovedOnceItIsOld()
    {
        using var folder = new TempFolder();
        await using (var dead = await OlderDatabaseAsync(folder))
        {
            // Taken and never released, as by a process killed mid-upgrade, and as long ago as the lock may live.
            await dead.GetService<IHistoryRepository>().AcquireDatabaseLockAsync();
            var takenAt = DateTimeOffset.UtcNow - DatabaseMigrator.AbandonedLockAge - TimeSpan.FromMinutes(1);
            await dead.Database.ExecuteSqlAsync($"UPDATE __EFMigrationsLock SET Timestamp = {takenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}");
        }
        SqliteConnection.ClearAllPools();

        await using var studio = await OfflineStudio.StartAsync(folder).WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = await studio.DbAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await LockRowsAsync(db));
    }

    /// <summary>A context on the folder's database, migrated up to <see cref="BeforeTheLast"/>, with its connection open.</summary>
    private static async Task<StudioDbContext> OlderDatabaseAsync(TempFolder folder)
    {
        var db = new StudioDbContext(new DbContextOptionsBuilder<StudioDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "studio.db")}").Options);
        await db.GetService<IMigrator>().MigrateAsync(BeforeTheLast);
        await db.Database.OpenConnectionAsync();
        return db;
    }

    private static Task<int> LockRowsAsync(StudioDbContext db) =>
        db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM __EFMigrationsLock").SingleAsync();
}
