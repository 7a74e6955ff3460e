using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SoraStudio.Web.Data;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Data;

public sealed class StudioDbContextTests
{
    [Fact]
    public async Task StartingTheStudioAppliesTheMigrationsInWalMode()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        await using var db = await studio.DbAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "studio.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task EveryConnectionWaitsForTheWriteLockAndSyncsNormally()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        for (var i = 0; i < 3; i++)
        {
            await using var db = await studio.DbAsync();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(30_000L, await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task TheCheckedInMigrationsDescribeTheCurrentModel()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        await using var db = await studio.DbAsync();

        // A snapshot of its own: the shared one is finalized by whichever studio (of a parallel test) migrates first.
        var snapshot = ((ModelSnapshot)Activator.CreateInstance(db.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType())!).Model;
        if (snapshot is IMutableModel mutable)
            snapshot = mutable.FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.Empty(differences);
    }

    [Fact]
    public async Task TimesOrderAndMoneySumsExactlyInSqlite()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));
        await using (var db = await studio.DbAsync())
        {
            foreach (var (offset, cost) in new[] { (2, 0.1m), (0, 0.2m), (1, 0.000001m) })
            {
                var take = Rows.Take(projectId, shotId, TakeStatus.Queued, t0.AddMilliseconds(offset));
                take.EstimatedCost = cost;
                db.Takes.Add(take);
            }
            await db.SaveChangesAsync();
        }

        await using var read = await studio.DbAsync();
        var ordered = await read.Takes.Where(t => t.CreatedAt >= t0).OrderBy(t => t.CreatedAt).Select(t => t.CreatedAt).ToListAsync();
        var sum = await read.Takes.SumAsync(t => t.EstimatedCost);

        Assert.Equal([t0, t0.AddMilliseconds(1), t0.AddMilliseconds(2)], ordered);
        Assert.Equal(0.300001m, sum);
    }
}
