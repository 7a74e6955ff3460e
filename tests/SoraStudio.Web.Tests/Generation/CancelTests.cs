using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class CancelTests
{
    [Fact]
    public async Task AQueuedTakeIsCanceledAtOnceWithoutCallingTheProvider()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var takeId = (await generation.GenerateAsync(shotId)).Single();

        var status = await generation.CancelAsync(takeId);

        Assert.Equal(TakeStatus.Canceled, status);
        var take = Assert.Single(await StoredTakes.AllAsync(studio));
        Assert.Equal(TakeStatus.Canceled, take.Status);
        Assert.Null(take.VideoId);
        var again = await Assert.ThrowsAsync<StudioException>(() => generation.CancelAsync(takeId));
        Assert.Equal(StudioErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task ATakeAtTheProviderIsDeletedThereThenCanceled()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(o => o.RenderSecondsPerVideoSecond = 5);
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var takeId = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(studio, takes => takes.Single().Status == TakeStatus.InProgress);

        await generation.CancelAsync(takeId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Canceled, take.Status);
        Assert.StartsWith("Canceled;", take.ErrorMessage);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Delete, take.VideoId!));
        Assert.Equal(0, emulator.RequestLog.Count(EmulatorOperation.Content));
    }

    [Fact]
    public async Task CancelingAnUnknownTakeIsNotFound()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().CancelAsync(404));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
    }
}
