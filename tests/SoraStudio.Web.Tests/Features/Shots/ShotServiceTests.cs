using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Shots;

public sealed class ShotServiceTests
{
    [Fact]
    public async Task DeletingAShotNumbersTheRestOneTwoThree()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var shots = studio.Get<ShotService>();
        var a = await shots.AddAsync(projectId, "A");
        var b = await shots.AddAsync(projectId, "B");
        var c = await shots.AddAsync(projectId, "C");
        var d = await shots.AddAsync(projectId, "D");

        await shots.DeleteAsync(b);
        var e = await shots.AddAsync(projectId, "E");

        var timeline = await studio.Get<GalleryQueries>().TimelineAsync(projectId);
        Assert.Equal([a, c, d, e], timeline.Select(s => s.ShotId));
        Assert.Equal([0, 1, 2, 3], timeline.Select(s => s.Position));
        Assert.Equal([0, 1, 2, 3], (await shots.ListAsync(projectId)).Select(s => s.Position));
    }

    [Fact]
    public async Task ShotsJoinTheEndOfTheTimelineAndCanBeMoved()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var shots = studio.Get<ShotService>();
        var a = await shots.AddAsync(projectId, "A");
        var b = await shots.AddAsync(projectId, "B");
        var c = await shots.AddAsync(projectId, "C");

        await shots.MoveAsync(c, 0);

        var timeline = await studio.Get<GalleryQueries>().TimelineAsync(projectId);
        Assert.Equal([c, a, b], timeline.Select(s => s.ShotId));
        Assert.Equal([0, 1, 2], timeline.Select(s => s.Position));
    }

    [Fact]
    public async Task ANewShotStartsFromTheProjectsDefaults()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await studio.Get<SoraStudio.Web.Features.Projects.ProjectService>()
            .CreateAsync(new SoraStudio.Web.Features.Projects.ProjectInput("Pro", DefaultModel: "sora-2-pro", DefaultSize: "1024x1792"));

        var shot = await studio.Get<ShotService>().GetAsync(await studio.Get<ShotService>().AddAsync(projectId, "Opening"));

        Assert.Equal(("sora-2-pro", "1024x1792"), (shot.Spec.Model, shot.Spec.Size));
    }

    [Fact]
    public async Task ADraftWithoutAPromptIsSavedButASpecTheApiWouldRejectIsNot()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var shots = studio.Get<ShotService>();
        var shotId = await shots.AddAsync(projectId, "Draft", ShotSpec.Empty);

        var error = await Assert.ThrowsAsync<StudioException>(() =>
            shots.UpdateAsync(shotId, new ShotInput("Draft", Seed.Spec(seconds: 5))));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Equal(["Seconds must be one of 4, 8, 12, 16, 20 for sora-2."], error.Errors["seconds"]);
        Assert.Equal(ShotSpec.Empty, (await shots.GetAsync(shotId)).Spec);
    }

    [Fact]
    public async Task AShotNeedsAnExistingProject()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ShotService>().AddAsync(77, "Lost"));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
        Assert.Equal("Project 77 does not exist.", error.Message);
    }

    [Fact]
    public async Task OnlyAReadyTakeOfTheShotCanBeSelected()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ShotService>().SelectTakeAsync(shotId, takeId));

        Assert.Equal(StudioErrorKind.Conflict, error.Kind);
        Assert.Null((await studio.Get<ShotService>().GetAsync(shotId)).SelectedTakeId);
    }

    [Fact]
    public async Task AReferenceImageMustMatchTheShotsSize()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var square = await studio.Get<AssetService>().AddAsync(projectId,
            new AssetUpload("Logo", AssetKind.Product, "logo.png", "image/png", new MemoryStream(TestImages.Png(64, 64))));

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ShotService>().SetReferenceAsync(shotId, square.Id));

        Assert.Contains("referenceImage.width", error.Errors.Keys);
        Assert.Null((await studio.Get<ShotService>().GetAsync(shotId)).ReferenceAssetId);
    }
}
