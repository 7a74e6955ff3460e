using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

/// <summary>
/// A power cut loses what SQLite had not yet written to the database file itself. Simulated by a copy of
/// <c>studio.db</c> taken at the instant the provider has made a take's video, restored without its write-ahead log.
/// </summary>
public sealed class PowerCutTests
{
    [Fact]
    public async Task APowerCutThatLosesTheLogAsTheCreateReturnsNeverPaysTwice()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var database = Path.Combine(folder.Path, "studio.db");
        var atTheCut = Path.Combine(folder.Path, "studio.db.at-the-cut");

        // Three takes queued with no worker running, and the log checkpointed: they are in the database file.
        await using (var queuing = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.RunWorker = false))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(queuing);
            await queuing.Get<GenerationService>().GenerateAsync(shotId, variations: 3);
            await using var db = await queuing.DbAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        // One job at a time, so that nothing writes the database file while it is copied.
        var cut = new PowerCutApi.Cut(() => File.Copy(database, atTheCut));
        await using (var dying = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
        {
            o.DecorateApi = api => new PowerCutApi(api, cut);
            o.Settings["Studio:Generation:MaxConcurrentJobs"] = "1";
        }))
        {
            await cut.Happened.WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));

        // Back on: the database file as the cut left it, without the log.
        SqliteConnection.ClearAllPools();
        File.Copy(atTheCut, database, overwrite: true);
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        await using var restarted = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var takes = await StoredTakes.WaitUntilFinishedAsync(restarted, 3);

        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal(3, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(emulator.Jobs.List().Select(j => j.Id).Order(), takes.Select(t => t.VideoId!).Order());
    }

    [Fact]
    public async Task AQueuedTakeClaimedBeforeIsLookedForAtTheProviderBeforeItIsSubmittedAgain()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        string videoId;
        await using (var queuing = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.RunWorker = false))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(queuing);
            var takeId = (await queuing.Get<GenerationService>().GenerateAsync(shotId)).Single();
            await using var db = await queuing.DbAsync();
            var take = await db.Takes.SingleAsync(t => t.Id == takeId);
            // What a lost write leaves: the first attempt's claim (refused, back in the queue) is on disk; the second
            // claim is not, though its create reached the provider.
            var firstAttempt = DateTimeOffset.UtcNow.AddSeconds(-5);
            await db.Takes.Where(t => t.Id == takeId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Attempts, 1).SetProperty(t => t.SubmittedAt, firstAttempt));
            var lostCreate = await queuing.Get<IVideosApi>().CreateVideoAsync(new CreateVideoRequest(take.Prompt)
            {
                Model = take.Model,
                Size = take.Size,
                Seconds = take.Seconds.ToString(CultureInfo.InvariantCulture),
            });
            videoId = lostCreate.Id;
        }

        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var ready = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));

        Assert.Equal(TakeStatus.Ready, ready.Status);
        Assert.Equal(videoId, ready.VideoId);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(1, ready.Attempts);
    }

    [Fact]
    public async Task AQueuedTakeClaimedBeforeWithNothingAtTheProviderIsSubmittedOnce()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using (var queuing = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.RunWorker = false))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(queuing);
            var takeId = (await queuing.Get<GenerationService>().GenerateAsync(shotId)).Single();
            await using var db = await queuing.DbAsync();
            await db.Takes.Where(t => t.Id == takeId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Attempts, 1).SetProperty(t => t.SubmittedAt, DateTimeOffset.UtcNow.AddSeconds(-5)));
        }

        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var ready = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));

        Assert.Equal(TakeStatus.Ready, ready.Status);
        Assert.Equal(2, ready.Attempts);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.True(emulator.RequestLog.Count(EmulatorOperation.List) >= 1);
    }
}
