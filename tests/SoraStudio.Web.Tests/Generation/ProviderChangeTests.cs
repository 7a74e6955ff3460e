using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

/// <summary>A studio restarted against another provider under takes already submitted: two emulators, real HTTP.</summary>
public sealed class ProviderChangeTests
{
    [Fact]
    public async Task ATakeSubmittedToOneProviderWaitsUnderAnotherAndResumesWhenTheStudioSwitchesBack()
    {
        using var folder = new TempFolder();
        // A renders slowly enough for the take to be rendering still when the studio stops.
        await using var a = await Emulators.StartAsync(o => o.RenderSecondsPerVideoSecond = 1);
        await using var b = await Emulators.StartAsync();
        string videoId;
        await using (var onA = await StudioTestHost.StartAsync(folder.Path, a.BaseUrl))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(onA);
            await onA.Get<GenerationService>().GenerateAsync(shotId);
            var submitted = (await StoredTakes.WaitUntilAsync(onA, t => t.Single().Status == TakeStatus.InProgress)).Single();
            Assert.Equal(a.BaseUrl, submitted.Provider);
            videoId = submitted.VideoId!;
        }

        await using (var onB = await StudioTestHost.StartAsync(folder.Path, b.BaseUrl))
        {
            var setAside = (await StoredTakes.WaitUntilAsync(onB, t => t.Single().Status == TakeStatus.NeedsAttention)).Single();
            Assert.Equal(VideosProvider.ChangedCode, setAside.ErrorCode);
            using var api = await onB.ApiClientAsync();
            var shown = (await ApiAssert.JsonAsync(await api.GetAsync($"/api/v1/takes/{setAside.Id}"))).GetProperty("take");
            Assert.Equal("needsAttention", shown.GetProperty("status").GetString());
            Assert.StartsWith($"Submitted to {a.BaseUrl}; this studio now uses {b.BaseUrl}, which was asked nothing about it. Switch back on Settings",
                shown.GetProperty("errorMessage").GetString());
            Assert.Equal(videoId, setAside.VideoId);
        }
        Assert.Empty(b.RequestLog.Requests);

        await using var backOnA = await StudioTestHost.StartAsync(folder.Path, a.BaseUrl);
        var ready = (await StoredTakes.WaitUntilAsync(backOnA, t => t.Single().Status == TakeStatus.Ready)).Single();

        Assert.Equal(videoId, ready.VideoId);
        Assert.Null(ready.ErrorCode);
        Assert.Null(ready.ErrorMessage);
        Assert.Equal(3, ready.Clips.Count);
        Assert.Equal(1, a.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(3, a.RequestLog.Count(EmulatorOperation.Content, videoId));
        Assert.Empty(b.RequestLog.Requests);
    }

    [Fact]
    public async Task ATakeWhoseSubmissionIsUnconfirmedIsNotLookedForInAnotherProvidersList()
    {
        using var folder = new TempFolder();
        await using var a = await Emulators.StartAsync();
        await using var b = await Emulators.StartAsync();
        var crash = new CrashAt(CrashPoint.AfterCreateBeforeVideoId);
        // A lease long enough that this studio does not reconcile the take itself before it stops.
        await using (var onA = await StudioTestHost.StartAsync(folder.Path, a.BaseUrl, o =>
        {
            o.CrashPoints = crash;
            o.Settings["Studio:Generation:LeaseDuration"] = "00:00:05";
        }))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(onA);
            await onA.Get<GenerationService>().GenerateAsync(shotId);
            await crash.FirstHit.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using (var onB = await StudioTestHost.StartAsync(folder.Path, b.BaseUrl))
        {
            var setAside = (await StoredTakes.WaitUntilAsync(onB, t => t.Single().Status == TakeStatus.NeedsAttention)).Single();
            Assert.Null(setAside.VideoId);
            Assert.Equal(VideosProvider.ChangedMessage(a.BaseUrl, b.BaseUrl), setAside.ErrorMessage);
        }
        Assert.Empty(b.RequestLog.Requests);

        await using var backOnA = await StudioTestHost.StartAsync(folder.Path, a.BaseUrl);
        var ready = (await StoredTakes.WaitUntilAsync(backOnA, t => t.Single().Status == TakeStatus.Ready)).Single();
        Assert.Equal(a.Jobs.List().Single().Id, ready.VideoId);
        Assert.Equal(1, a.RequestLog.Count(EmulatorOperation.Create));
        Assert.Empty(b.RequestLog.Requests);
    }
}
