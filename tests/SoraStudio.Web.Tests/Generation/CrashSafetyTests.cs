using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class CrashSafetyTests
{
    public static TheoryData<string> CrashPoints() => [.. CrashPoint.All];

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task AWorkerThatDiesAtAnyPointIsResumedByTheNextOneWithoutPayingTwice(string point)
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var crash = new CrashAt(point);
        await using (var dying = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.CrashPoints = crash))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(dying);
            await dying.Get<GenerationService>().GenerateAsync(shotId, variations: 2);
            await crash.FirstHit.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using var next = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var takes = await StoredTakes.WaitUntilFinishedAsync(next, 2);

        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal(2, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(emulator.Jobs.List().Select(j => j.Id).Order(), takes.Select(t => t.VideoId!).Order());
        var store = next.Get<ClipStore>();
        foreach (var clip in takes.SelectMany(t => t.Clips))
            Assert.True(await store.VerifyAsync(clip.RelativePath, clip.Sha256));
        Assert.All(takes, t => Assert.Equal(3, t.Clips.Count));
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task AnExtensionInterruptedAtAnyPointIsResumedWithoutExtendingTwice(string point)
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        long original;
        await using (var healthy = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(healthy);
            original = (await healthy.Get<GenerationService>().GenerateAsync(shotId)).Single();
            await StoredTakes.WaitUntilFinishedAsync(healthy, 1);
        }
        var crash = new CrashAt(point);
        await using (var dying = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.CrashPoints = crash))
        {
            await dying.Get<GenerationService>().ExtendAsync(original, 4, "The keeper waves from the gallery.");
            await crash.FirstHit.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using var next = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var takes = await StoredTakes.WaitUntilFinishedAsync(next, 2);

        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Extend));
        Assert.Equal(8, takes.Single(t => t.Kind == TakeKind.Extension).Seconds);
    }

    [Fact]
    public async Task TwoStudioProcessesOnOneDatabaseNeverTakeTheSameTakeAndShareTheJobSlots()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o => o.MaxRunningJobs = 2);
        // Both workers live and renew their leases: with the tests' 1.5 s lease, a renewal held up that long on a busy
        // machine (CPU, the other process's write lock) counts as a dead worker, and the other process rightly takes the
        // take over, downloading again the variant the first was fetching. Here no worker dies, so no take changes hands.
        Action<StudioTestOptions> liveWorkers = o => o.Settings["Studio:Generation:LeaseDuration"] = "00:00:30";
        await using var first = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, liveWorkers);
        await using var second = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, liveWorkers);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(first);
        var otherShot = await Seed.ShotAsync(second, projectId, Seed.Spec("Waves break on the rocks below the lighthouse."));

        await Task.WhenAll(
            first.Get<GenerationService>().GenerateAsync(shotId, variations: 4),
            second.Get<GenerationService>().GenerateAsync(otherShot, variations: 4));

        var takes = await StoredTakes.WaitUntilFinishedAsync(first, 8, TimeSpan.FromSeconds(60));
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.All(takes, t => Assert.Equal(1, t.Attempts));
        var creates = emulator.RequestLog.Requests.Where(r => r.Operation == EmulatorOperation.Create).ToList();
        // The two processes count their jobs in the one database: the provider never had to refuse one.
        Assert.Equal(8, creates.Count);
        Assert.All(creates, c => Assert.Equal(200, c.StatusCode));
        Assert.Equal(8, takes.Select(t => t.VideoId).Distinct().Count());
        // Each take handled by one worker at a time: every variant fetched once and stored once.
        Assert.All(takes, t => Assert.Equal(3, emulator.RequestLog.Count(EmulatorOperation.Content, t.VideoId!)));
        Assert.All(takes, t => Assert.Equal(VideoVariant.All.Order(), t.Clips.Select(c => c.Variant).Order()));
    }
}
