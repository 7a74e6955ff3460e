using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task AStopInTheMiddleOfAStepReleasesTheLeaseAtOnceAndTheNextStartFinishesTheTake()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o => o.RenderSecondsPerVideoSecond = 5);
        long takeId;
        var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.Settings["Studio:Generation:LeaseDuration"] = "00:01:00");
        try
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
            takeId = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
            await StoredTakes.WaitUntilAsync(studio, t => t.Single().Status == TakeStatus.InProgress);
            // Every provider call now hangs, so the next poll is in flight when the stop comes.
            emulator.Options.Faults.SlowResponseDelay = TimeSpan.FromSeconds(30);
            emulator.Options.Faults.SlowResponseRate = 1;
            await StoredTakes.WaitUntilAsync(studio, t => t.Single().LeaseOwner is not null);
        }
        finally
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            await studio.DisposeAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {stopping.Elapsed}, not waiting for the hung call");
        }

        using (var db = new StudioDbContext(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "studio.db")}").Options))
        {
            var take = await db.Takes.AsNoTracking().SingleAsync(t => t.Id == takeId);
            Assert.Equal(TakeStatus.InProgress, take.Status);
            Assert.Null(take.LeaseOwner);
            Assert.Null(take.LeaseExpiresAt);
        }

        emulator.Options.Faults.SlowResponseRate = 0;
        emulator.Options.RenderSecondsPerVideoSecond = Emulators.RenderSecondsPerVideoSecond;
        await using var next = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.Settings["Studio:Generation:LeaseDuration"] = "00:01:00");
        var takes = await StoredTakes.WaitUntilFinishedAsync(next, 1, TimeSpan.FromSeconds(60));
        Assert.Equal(TakeStatus.Ready, takes.Single().Status);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
    }
}
