using Microsoft.Extensions.DependencyInjection;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>Remixes through the real worker against the emulator over HTTP.</summary>
public sealed class RemixChainTests
{
    [Fact]
    public async Task ARemixOfARemixLinksEachTakeToItsParentStoresTheInstructionAndRemixesTheParentsVideo()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();

        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        var lens = await generation.RemixAsync(original, "Same shot, switch to an 85mm lens.");
        await StoredTakes.WaitUntilFinishedAsync(studio, 2);
        var night = await generation.RemixAsync(lens, "Same shot, make it night.");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 3);

        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        var byId = takes.ToDictionary(t => t.Id);
        Assert.Equal((original, "Same shot, switch to an 85mm lens."), (byId[lens].ParentTakeId!.Value, byId[lens].RemixInstruction));
        Assert.Equal((lens, "Same shot, make it night."), (byId[night].ParentTakeId!.Value, byId[night].RemixInstruction));
        var api = studio.Services.GetRequiredService<IVideosApi>();
        Assert.Equal(byId[original].VideoId, (await api.GetVideoAsync(byId[lens].VideoId!)).RemixedFromVideoId);
        Assert.Equal(byId[lens].VideoId, (await api.GetVideoAsync(byId[night].VideoId!)).RemixedFromVideoId);

        var lineage = await studio.Get<GalleryQueries>().LineageAsync(shotId);
        var root = Assert.Single(lineage.Roots);
        Assert.Equal([original, lens, night], root.SelfAndDescendants().Select(n => n.Take.TakeId));
        Assert.Equal(night, root.Children.Single().Children.Single().Take.TakeId);
        var place = await studio.Get<GalleryQueries>().PlaceAsync(night);
        Assert.Equal(byId[lens].VideoId, place.ParentVideoId);
    }

    [Fact]
    public async Task ARemixWhoseSourceIsGoneAtTheProviderFailsWithAClearMessage()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        var ready = (await StoredTakes.WaitUntilFinishedAsync(studio, 1)).Single();
        await studio.Services.GetRequiredService<IVideosApi>().DeleteVideoAsync(ready.VideoId!);

        var remix = await generation.RemixAsync(original, "Same shot, switch to an 85mm lens.");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2);

        var failed = takes.Single(t => t.Id == remix);
        Assert.Equal(TakeStatus.Failed, failed.Status);
        var card = (await studio.Get<GalleryQueries>().TakeAsync(remix)).Card;
        var (title, text) = TakeFailure.Describe(card)!.Value;
        Assert.Equal("The provider refused the remix", title);
        Assert.Contains("no longer at the provider (expired or deleted)", text);
    }
}
