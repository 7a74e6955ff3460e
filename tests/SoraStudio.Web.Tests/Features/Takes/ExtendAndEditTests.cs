using Microsoft.Extensions.DependencyInjection;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Takes;

/// <summary>Extending and editing a take through the real worker against the emulator over HTTP.</summary>
public sealed class ExtendAndEditTests
{
    [Fact]
    public async Task AnExtensionIsAPricedChildTakeWhoseClipIsTheStitchedTotal()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var quote = await generation.QuoteExtensionAsync(original, 8);
        var extension = await generation.ExtendAsync(original, 8, "The keeper reaches the lamp and lights it.");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2);

        var extended = takes.Single(t => t.Id == extension);
        Assert.Equal(TakeStatus.Ready, extended.Status);
        Assert.Equal((TakeKind.Extension, original, 12), (extended.Kind, extended.ParentTakeId!.Value, extended.Seconds));
        Assert.Equal((0.80m, 0.80m), (quote.Estimate.Total, extended.EstimatedCost));
        var video = await studio.Services.GetRequiredService<IVideosApi>().GetVideoAsync(extended.VideoId!);
        Assert.Equal(("12", "The keeper reaches the lamp and lights it."), (video.Seconds, video.Prompt));
        var root = Assert.Single((await studio.Get<GalleryQueries>().LineageAsync(shotId)).Roots);
        Assert.Equal(extension, Assert.Single(root.Children).Take.TakeId);
    }

    [Fact]
    public async Task AnEditIsAChildTakeOfTheSameLengthMadeByTheEditsEndpoint()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var edit = await generation.EditAsync(original, "Same shot, make it night.");
        var edited = (await StoredTakes.WaitUntilFinishedAsync(studio, 2)).Single(t => t.Id == edit);

        Assert.Equal(TakeStatus.Ready, edited.Status);
        Assert.Equal((TakeKind.Edit, 4, "Same shot, make it night."), (edited.Kind, edited.Seconds, edited.RemixInstruction));
        Assert.Equal(1, emulator.RequestLog.Count(SoraStudio.Emulator.EmulatorOperation.Edit));
    }

    [Theory]
    [InlineData(6, "more", "seconds")]
    [InlineData(8, " ", "prompt")]
    public async Task BadExtensionsGetFieldNamedErrorsAndQueueNothing(int seconds, string prompt, string field)
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var error = await Assert.ThrowsAsync<StudioException>(() => generation.ExtendAsync(original, seconds, prompt));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Contains(field, error.Errors.Keys);
        Assert.Single(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task AnExtensionPastTheBudgetIsRefused()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, budget: 1.00m);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var error = await Assert.ThrowsAsync<StudioException>(() => generation.ExtendAsync(original, 8, "more"));

        Assert.Equal(StudioErrorKind.OverBudget, error.Kind);
        Assert.Equal("This would cost $0.80, but only $0.60 of the project's $1.00 budget is left ($0.40 committed).", error.Message);
    }
}
