using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Takes;

public sealed class GenerationServiceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task OneRequestQueuesOneToFourVariationsOfTheShot(int variations)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        var ids = await studio.Get<GenerationService>().GenerateAsync(shotId, variations, "ana");

        var takes = await StoredTakes.AllAsync(studio);
        Assert.Equal(ids, takes.Select(t => t.Id));
        Assert.All(takes, t =>
        {
            Assert.Equal(TakeStatus.Queued, t.Status);
            Assert.Equal(Seed.Spec(), t.Spec);
            Assert.Contains("A lighthouse keeper climbs", t.Prompt);
            Assert.Equal(("sora-2", "1280x720", 4), (t.Model, t.Size, t.Seconds));
            Assert.Equal(0.40m, t.EstimatedCost);
            Assert.Null(t.Cost);
        });
    }

    [Fact]
    public async Task TakesAreSubmittedWithTheStyleBibleFillingWhatTheShotLeavesEmpty()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var bible = StyleBible.Empty with { Style = "Kodachrome, soft grain", Characters = [new BibleCharacter("Mara", "a keeper in a yellow oilskin")] };
        var projectId = await studio.Get<ProjectService>().CreateAsync(new ProjectInput("Lighthouse", StyleBible: bible));
        var shots = studio.Get<ShotService>();
        var plain = await shots.AddAsync(projectId, "Plain", Seed.Spec("Mara climbs the stairs.") with { Style = "" });
        var own = await shots.AddAsync(projectId, "Own look", Seed.Spec("Mara climbs the stairs.") with { Style = "" });
        await shots.UpdateAsync(own, new ShotInput("Own look", Seed.Spec("Mara climbs the stairs.") with { Style = "" }, Overrides: ShotOverrides.Of(BibleField.Style)));

        var generation = studio.Get<GenerationService>();
        await generation.GenerateAsync(plain);
        await generation.GenerateAsync(own);

        var takes = await StoredTakes.AllAsync(studio);
        Assert.Equal("Kodachrome, soft grain", takes[0].Spec.Style);
        Assert.Contains("Kodachrome", takes[0].Prompt);
        Assert.Contains("a keeper in a yellow oilskin", takes[0].Prompt);
        Assert.DoesNotContain("Kodachrome", takes[1].Prompt);
        Assert.Equal("", (await shots.GetAsync(plain)).Spec.Style);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task VariationsOutsideOneToFourAreRefused(int variations)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId, variations));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Contains("variations", error.Errors.Keys);
        Assert.Empty(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task AShotWithoutAPromptIsRefusedWithTheValidatorsMessage()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, ShotSpec.Empty);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Equal(["The prompt is empty: describe the shot."], error.Errors["prompt"]);
        Assert.Empty(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task AnUnknownShotIsNotFound()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId: 999));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
        Assert.Equal("Shot 999 does not exist.", error.Message);
    }

    [Fact]
    public async Task ASubmissionPastTheBudgetIsRefusedWithWhatIsLeft()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio, budget: 1.00m);
        var generation = studio.Get<GenerationService>();
        await generation.GenerateAsync(shotId, variations: 2);

        var error = await Assert.ThrowsAsync<StudioException>(() => generation.GenerateAsync(shotId, variations: 1));

        Assert.Equal(StudioErrorKind.OverBudget, error.Kind);
        Assert.Equal("This would cost $0.40, but only $0.20 of the project's $1.00 budget is left ($0.80 committed).", error.Message);
        Assert.Equal(2, (await StoredTakes.AllAsync(studio)).Count);
        var quote = await generation.QuoteAsync(shotId);
        Assert.False(quote.WithinBudget);
        Assert.Equal(0.20m, quote.Budget.Remaining);
    }

    [Fact]
    public async Task FailedAndCanceledTakesGiveTheirBudgetBack()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, budget: 0.40m);
        var generation = studio.Get<GenerationService>();
        var first = (await generation.GenerateAsync(shotId)).Single();

        await generation.CancelAsync(first);
        var second = await generation.GenerateAsync(shotId);

        Assert.Single(second);
    }

    [Fact]
    public async Task AReferenceImageThatNoLongerExistsIsRefused()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var assets = studio.Get<AssetService>();
        var asset = await assets.AddAsync(projectId, new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(1280, 720))));
        await studio.Get<ShotService>().SetReferenceAsync(shotId, asset.Id);
        File.Delete(studio.Get<ClipStore>().GetFullPath(asset.RelativePath));

        var fileGone = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId));
        await assets.DeleteAsync(asset.Id);
        var assetGone = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId));

        Assert.All([fileGone, assetGone], e =>
        {
            Assert.Equal(StudioErrorKind.Invalid, e.Kind);
            Assert.Contains("“keeper.png” no longer exists", e.Message);
        });
        Assert.Empty(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task OnlyAReadyTakeCanBeRemixedAndOnlyAFinishedOneRetried()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var takeId = (await generation.GenerateAsync(shotId)).Single();

        var remix = await Assert.ThrowsAsync<StudioException>(() => generation.RemixAsync(takeId, "Make it night."));
        var retry = await Assert.ThrowsAsync<StudioException>(() => generation.RetryAsync(takeId));
        var empty = await Assert.ThrowsAsync<StudioException>(() => generation.RemixAsync(takeId, "  "));

        Assert.Equal(StudioErrorKind.Conflict, remix.Kind);
        Assert.Equal(StudioErrorKind.Conflict, retry.Kind);
        Assert.Equal(StudioErrorKind.Invalid, empty.Kind);
        Assert.Single(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task EnqueuingTakesWakesTheTakeChangedStream()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = studio.Get<SoraStudio.Web.Generation.EventStream<SoraStudio.Web.Generation.TakeChanged>>().ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = stream.MoveNextAsync();

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        Assert.True(await next);
        Assert.Equal((projectId, shotId, TakeStatus.Queued), (stream.Current.ProjectId, stream.Current.ShotId, stream.Current.Status));
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task AShotThatCannotBeGeneratedGetsNoQuote()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec(scene: "") with { Style = "" });

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().QuoteAsync(shotId, 2));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Equal(["The prompt is empty: describe the shot."], error.Errors["prompt"]);
    }
}
