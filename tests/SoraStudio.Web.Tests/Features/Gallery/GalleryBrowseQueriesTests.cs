using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

public sealed class GalleryBrowseQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(long ProjectId, long First, long Second, long[] Takes)> SeedAsync(StudioTestHost studio)
    {
        var (projectId, first) = await Seed.ShotInNewProjectAsync(studio);
        var second = await Seed.ShotAsync(studio, projectId, Seed.Spec("Waves break on the rocks.", 8), "Rocks");
        await using var db = await studio.DbAsync();
        var a = Rows.Take(projectId, first, TakeStatus.Ready, T0);
        var b = Rows.Take(projectId, first, TakeStatus.Failed, T0.AddDays(1));
        var c = Rows.Take(projectId, second, TakeStatus.Ready, T0.AddDays(2));
        c.Model = "sora-2-pro";
        c.Seconds = 8;
        c.EstimatedCost = 4m;
        c.Prompt = "Waves break on the rocks, 100% spray_and foam.";
        db.Takes.AddRange(a, b, c);
        await db.SaveChangesAsync();
        var remix = Rows.Take(projectId, first, TakeStatus.Queued, T0.AddDays(3), parent: a.Id);
        db.Takes.Add(remix);
        db.Clips.AddRange(VideoVariant.All.Select(v => Rows.Clip(a.Id, v)));
        await db.SaveChangesAsync();
        return (projectId, first, second, [a.Id, b.Id, c.Id, remix.Id]);
    }

    [Fact]
    public async Task TheGalleryFiltersByStatusModelShotDateAndPromptText()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, second, takes) = await SeedAsync(studio);
        var otherProject = await Seed.ProjectAsync(studio, name: "Other");
        var gallery = studio.Get<GalleryQueries>();
        async Task<long[]> Ids(GalleryFilter filter) => (await gallery.SearchAsync(filter, 0, 50)).Items.Select(i => i.Card.TakeId).ToArray();
        var all = new GalleryFilter { ProjectId = projectId };

        Assert.Equal([takes[3], takes[2], takes[1], takes[0]], await Ids(all));
        Assert.Equal([takes[2], takes[0]], await Ids(all with { Statuses = [TakeStatus.Ready] }));
        Assert.Equal([takes[2]], await Ids(all with { Model = "sora-2-pro" }));
        Assert.Equal([takes[2]], await Ids(all with { ShotId = second }));
        Assert.Equal([takes[2], takes[1]], await Ids(all with { From = DateOnly.FromDateTime(T0.AddDays(1).UtcDateTime), To = DateOnly.FromDateTime(T0.AddDays(2).UtcDateTime) }));
        Assert.Equal([takes[2]], await Ids(all with { Text = "WAVES" }));
        Assert.Equal([takes[2]], await Ids(all with { Text = "100% spray_and" }));
        Assert.Empty(await Ids(all with { Text = "1%" }));
        Assert.Empty(await Ids(new GalleryFilter { ProjectId = otherProject }));
        Assert.Equal(4, (await gallery.SearchAsync(new GalleryFilter(), 0, 50)).Total);
    }

    [Fact]
    public async Task TheGalleryFiltersByReviewStateAndRating()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, _, _, takes) = await SeedAsync(studio);
        var reviews = studio.Get<ReviewService>();
        await reviews.ApproveAsync(takes[0]);
        await reviews.RateAsync(takes[0], 4);
        await reviews.RequestChangesAsync(takes[2], "Less spray");
        await reviews.RateAsync(takes[2], 2);
        var gallery = studio.Get<GalleryQueries>();
        async Task<long[]> Ids(GalleryFilter filter) => (await gallery.SearchAsync(filter, 0, 50)).Items.Select(i => i.Card.TakeId).ToArray();
        var all = new GalleryFilter { ProjectId = projectId };

        Assert.Equal([takes[0]], await Ids(all with { ReviewStates = [ReviewState.Approved] }));
        Assert.Equal([takes[2]], await Ids(all with { ReviewStates = [ReviewState.ChangesRequested] }));
        // Nobody reviewed these: pending.
        Assert.Equal([takes[3], takes[1]], await Ids(all with { ReviewStates = [ReviewState.Pending] }));
        Assert.Equal([takes[3], takes[1], takes[0]], await Ids(all with { ReviewStates = [ReviewState.Pending, ReviewState.Approved] }));
        Assert.Equal([takes[0]], await Ids(all with { MinRating = 3 }));
        Assert.Equal([takes[2], takes[0]], await Ids(all with { MinRating = 2 }));
        Assert.Equal([takes[0]], await Ids(all with { MinRating = 2, ReviewStates = [ReviewState.Approved] }));
        Assert.Equal(StudioErrorKind.Invalid, (await Assert.ThrowsAsync<StudioException>(() => Ids(all with { MinRating = 6 }))).Kind);

        // Back to pending: a review row in the pending state counts as pending.
        await reviews.ResetAsync(takes[2]);
        Assert.Equal([takes[3], takes[2], takes[1]], await Ids(all with { ReviewStates = [ReviewState.Pending] }));
        Assert.Empty(await Ids(all with { ReviewStates = [ReviewState.ChangesRequested] }));
    }

    [Fact]
    public async Task TheGallerySortsPagesAndSaysWhereEachTakeBelongs()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, _, takes) = await SeedAsync(studio);
        await studio.Get<ShotService>().SelectTakeAsync(first, takes[0]);
        var gallery = studio.Get<GalleryQueries>();

        var oldest = await gallery.SearchAsync(new GalleryFilter { ProjectId = projectId, Sort = GallerySort.Oldest }, 1, 2);
        var costly = await gallery.SearchAsync(new GalleryFilter { ProjectId = projectId, Sort = GallerySort.CostHighest }, 0, 1);

        Assert.Equal(4, oldest.Total);
        Assert.Equal([takes[1], takes[2]], oldest.Items.Select(i => i.Card.TakeId));
        Assert.Equal(takes[2], costly.Items.Single().Card.TakeId);
        var a = (await gallery.SearchAsync(new GalleryFilter { ProjectId = projectId, Sort = GallerySort.Oldest }, 0, 1)).Items.Single();
        Assert.Equal(("Lighthouse", "Stairs", true, true, $"ab/{takes[0]}-thumbnail"), (a.ProjectName, a.ShotTitle, a.Selected, a.HasSpritesheet, a.Card.ThumbnailPath));
        Assert.False(oldest.Items[0].Selected);
        await Assert.ThrowsAsync<StudioException>(() => gallery.SearchAsync(new GalleryFilter(), 0, 201));
        await Assert.ThrowsAsync<StudioException>(() => gallery.SearchAsync(new GalleryFilter { Text = new string('x', 201) }, 0, 10));
    }

    [Fact]
    public async Task TheTimelineStripTakesTheSelectedTakesDurationElseTheShotsAndCountsTheUnselected()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, second, takes) = await SeedAsync(studio);
        await studio.Get<ShotService>().SelectTakeAsync(first, takes[0]);

        var strip = await studio.Get<GalleryQueries>().TimelineStripAsync(projectId);

        Assert.Equal("Lighthouse", strip.ProjectName);
        Assert.Equal([first, second], strip.Shots.Select(s => s.ShotId));
        Assert.Equal((4, takes[0], TakeStatus.Ready, true, true), (strip.Shots[0].Seconds, strip.Shots[0].SelectedTakeId!.Value, strip.Shots[0].SelectedStatus!.Value, strip.Shots[0].HasThumbnail, strip.Shots[0].Playable));
        Assert.Equal((8, (long?)null, false), (strip.Shots[1].Seconds, strip.Shots[1].SelectedTakeId, strip.Shots[1].Playable));
        Assert.Equal((12, 1), (strip.TotalSeconds, strip.WithoutSelection));
        await Assert.ThrowsAsync<StudioException>(() => studio.Get<GalleryQueries>().TimelineStripAsync(999));
    }

    [Fact]
    public async Task TheLineageOfAShotHoldsEveryTakeAsTreesAndThePlaceOfATakeNamesItsParentsVideo()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, _, takes) = await SeedAsync(studio);
        await using (var db = await studio.DbAsync())
        {
            (await db.Takes.FindAsync(takes[0]))!.VideoId = "video_a";
            await db.SaveChangesAsync();
        }
        var gallery = studio.Get<GalleryQueries>();

        var lineage = await gallery.LineageAsync(first);
        var place = await gallery.PlaceAsync(takes[3]);

        Assert.Equal([takes[0], takes[1]], lineage.Roots.Select(r => r.Take.TakeId));
        Assert.Equal([takes[3]], lineage.Roots[0].Children.Select(c => c.Take.TakeId));
        Assert.Equal((projectId, "Lighthouse", first, "Stairs", "video_a"), (place.ProjectId, place.ProjectName, place.ShotId, place.ShotTitle, place.ParentVideoId));
        var facets = await gallery.FacetsAsync(projectId);
        Assert.Equal(["sora-2", "sora-2-pro"], facets.Models);
        Assert.Equal(["Stairs", "Rocks"], facets.Shots.Select(s => s.Title));
    }
}
