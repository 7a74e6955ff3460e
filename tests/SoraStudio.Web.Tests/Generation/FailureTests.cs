using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class FailureTests
{
    [Fact]
    public async Task ModerationBlockedFailsWithTheApiMessageAndIsNeverRetriedUnchanged()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec("A lighthouse keeper [moderation-block] at dusk."));
        var generation = studio.Get<GenerationService>();

        await generation.GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Failed, take.Status);
        Assert.Equal(FailureClass.Moderation, take.FailureClass);
        Assert.Equal("moderation_blocked", take.ErrorCode);
        Assert.Equal("Your request was blocked by our moderation system.", take.ErrorMessage);
        var retry = await Assert.ThrowsAsync<StudioException>(() => generation.RetryAsync(take.Id));
        Assert.Equal(StudioErrorKind.Conflict, retry.Kind);
        var again = await Assert.ThrowsAsync<StudioException>(() => generation.GenerateAsync(shotId));
        Assert.Contains("moderation", again.Message);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Single(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task ARequestTheProviderRejectsFailsAsInvalidWithItsMessage()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        // A model the studio's catalog offers but the provider does not know.
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
        {
            o.Settings["Sora:Models:0:Id"] = "sora-3";
            o.Settings["Sora:Models:0:PricePerSecondBySize:1280x720"] = "0.2";
            o.Settings["Sora:Models:0:Seconds:0"] = "4";
        });
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec() with { Model = "sora-3" });

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Failed, take.Status);
        Assert.Equal(FailureClass.InvalidRequest, take.FailureClass);
        Assert.Contains("sora-3", take.ErrorMessage);
        Assert.Null(take.VideoId);
        Assert.Null(take.Cost);
    }

    [Fact]
    public async Task ContentThatExpiresBeforeDownloadEndsExpiredWithoutDownloading()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o => o.ExpirySeconds = 1);
        // The first poll comes well after the one-second download window has closed.
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
        {
            o.Settings["Studio:Generation:PollInterval"] = "00:00:02.500";
            o.Settings["Studio:Generation:MaxPollInterval"] = "00:00:02.500";
        });
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Expired, take.Status);
        Assert.Equal(FailureClass.Expired, take.FailureClass);
        Assert.Contains("expired", take.ErrorMessage);
        Assert.Empty(take.Clips);
        Assert.Equal(0, emulator.RequestLog.Count(EmulatorOperation.Content));
    }

    [Fact]
    public async Task TheConcurrencyCapKeepsTakesQueuedUntilASlotFrees()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o => o.MaxRunningJobs = 1);
        // The studio believes it may run four at once; the provider allows one and answers 429 to the rest.
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
            o.Settings["Studio:Generation:MaxConcurrentJobs"] = "4");
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 4);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 4, TimeSpan.FromSeconds(60));
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        var creates = emulator.RequestLog.Requests.Where(r => r.Operation == EmulatorOperation.Create).ToList();
        Assert.Contains(creates, r => r.StatusCode == 429);
        Assert.Equal(4, creates.Count(r => r.StatusCode == 200));
        Assert.Equal(4, takes.Select(t => t.VideoId).Distinct().Count());
        Assert.Contains(takes, t => t.Attempts > 1);
    }

    [Fact]
    public async Task RateLimitStormsAreRiddenOutWithOnePaidCreatePerTake()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.Faults.RateLimitRate = 0.3;
            o.Faults.Seed = 7;
        });
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.Settings["Sora:MaxRetries"] = "0");
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 3);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 3, TimeSpan.FromSeconds(60));
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Contains(emulator.RequestLog.Requests, r => r.StatusCode == 429);
        Assert.Equal(3, emulator.RequestLog.Requests.Count(r => r.Operation == EmulatorOperation.Create && r.StatusCode == 200));
        await AssertClipsWholeAsync(studio, takes);
    }

    [Fact]
    public async Task ServerErrorsNeverPayTwiceAndUnmatchedCreatesNeedAttention()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.Faults.ServerErrorRate = 0.25;
            o.Faults.Seed = 11;
        });
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.Settings["Sora:MaxRetries"] = "0");
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 4);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 4, TimeSpan.FromSeconds(60));
        Assert.Contains(emulator.RequestLog.Requests, r => r.StatusCode == 500);
        Assert.All(takes, t => Assert.True(
            t.Status == TakeStatus.Ready || (t.Status == TakeStatus.NeedsAttention && t.FailureClass == FailureClass.OutcomeUnknown),
            StoredTakes.Describe([t])));
        // Every video the provider made belongs to exactly one take; none was made twice for a take.
        var jobs = emulator.Jobs.List();
        Assert.Equal(jobs.Select(j => j.Id).Order(), takes.Where(t => t.VideoId is not null).Select(t => t.VideoId!).Order());
        Assert.All(takes.Where(t => t.Status == TakeStatus.NeedsAttention), t => Assert.Contains("did not submit it again", t.ErrorMessage));
        await AssertClipsWholeAsync(studio, takes.Where(t => t.Status == TakeStatus.Ready));
    }

    [Fact]
    public async Task DownloadsCutMidStreamAreRetriedUntilEveryClipIsWhole()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.Faults.DropDownloadRate = 0.5;
            o.Faults.Seed = 3;
        });
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.Settings["Sora:MaxRetries"] = "0");
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 2);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2, TimeSpan.FromSeconds(60));
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.True(emulator.RequestLog.Count(EmulatorOperation.Content) > 6, "some downloads should have been cut and retried");
        await AssertClipsWholeAsync(studio, takes);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(studio.Get<ClipStore>().Root, ".tmp")));
    }

    private static async Task AssertClipsWholeAsync(StudioTestHost studio, IEnumerable<Take> takes)
    {
        var store = studio.Get<ClipStore>();
        foreach (var take in takes)
        {
            Assert.Equal(3, take.Clips.Count);
            foreach (var clip in take.Clips)
                Assert.True(await store.VerifyAsync(clip.RelativePath, clip.Sha256), $"{clip.RelativePath} does not match its hash");
        }
    }
}
