using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class ReconciliationTests
{
    [Fact]
    public async Task ACreateWhoseResponseWasLostIsFoundInTheProvidersListAndNotPaidTwice()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var losses = new LostResponseApi.Losses(1, sent: true);
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.DecorateApi = api => new LostResponseApi(api, losses));
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(emulator.Jobs.List().Single().Id, take.VideoId);
        Assert.Null(take.OutcomeUnknownAt);
        Assert.Equal(0.40m, take.Cost);
    }

    [Fact]
    public async Task ACreateOfUnknownOutcomeWithNoMatchNeedsAttentionAndIsNeverResubmitted()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var losses = new LostResponseApi.Losses(1, sent: false);
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.DecorateApi = api => new LostResponseApi(api, losses));
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.NeedsAttention, take.Status);
        Assert.Equal(FailureClass.OutcomeUnknown, take.FailureClass);
        Assert.Contains("did not submit it again", take.ErrorMessage);
        Assert.Contains("timed out", take.ErrorMessage);
        Assert.Equal(0, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.True(emulator.RequestLog.Count(EmulatorOperation.List) >= 1);

        // A person retries it on purpose: a new take, and now one create.
        var retryId = await studio.Get<GenerationService>().RetryAsync(take.Id, "ana");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2);
        var retry = takes.Single(t => t.Id == retryId);
        Assert.Equal(TakeStatus.Ready, retry.Status);
        Assert.Equal(take.Id, retry.RetryOfTakeId);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Create));
    }

    [Fact]
    public async Task IdenticalVariationsWithLostResponsesEachAdoptTheirOwnVideo()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var losses = new LostResponseApi.Losses(2, sent: true);
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.DecorateApi = api => new LostResponseApi(api, losses));
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 2);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2);
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal(2, emulator.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(emulator.Jobs.List().Select(j => j.Id).Order(), takes.Select(t => t.VideoId!).Order());
    }
}
