using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

public sealed class GalleryQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheTimelineShowsEachShotsSelectedTakeAndHowItsTakesAreDoing()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, second, ready, _, _) = await ProjectWithTakesAsync(studio);
        await studio.Get<ShotService>().SelectTakeAsync(first, ready);

        var timeline = await studio.Get<GalleryQueries>().TimelineAsync(projectId);

        Assert.Equal([first, second], timeline.Select(s => s.ShotId));
        var shot = timeline[0];
        Assert.Equal((ready, $"ab/{ready}-thumbnail", $"ab/{ready}-video"), (shot.SelectedTakeId, shot.SelectedThumbnailPath, shot.SelectedVideoPath));
        Assert.Equal((4, 2, 1), (shot.TakeCount, shot.ReadyCount, shot.ActiveCount));
        Assert.Equal((0, 0), (timeline[1].TakeCount, timeline[1].ActiveCount));
    }

    [Fact]
    public async Task TakesComeNewestFirstAPageAtATimeAndByStatus()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first, _, ready, remix, queued) = await ProjectWithTakesAsync(studio);
        var gallery = studio.Get<GalleryQueries>();

        var page1 = await gallery.ProjectTakesAsync(projectId, page: 1, pageSize: 2);
        var page2 = await gallery.ProjectTakesAsync(projectId, page: 2, pageSize: 2);
        var readyOnly = await gallery.ProjectTakesAsync(projectId, TakeStatus.Ready);
        var ofShot = await studio.Get<TakeQueries>().TakesOfShotAsync(first);

        Assert.Equal(4, page1.Total);
        Assert.Equal([queued, remix], page1.Takes.Select(t => t.TakeId));
        Assert.Equal(2, page2.Takes.Count);
        Assert.Equal(2, readyOnly.Total);
        Assert.All(readyOnly.Takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal($"ab/{ready}-thumbnail", readyOnly.Takes.Single(t => t.TakeId == ready).ThumbnailPath);
        Assert.Equal(4, ofShot.Count);
        await Assert.ThrowsAsync<StudioException>(() => gallery.ProjectTakesAsync(projectId, pageSize: 500));
    }

    [Fact]
    public async Task ATakesDetailAndRemixTreeComeWithIt()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, _, _, ready, remix, _) = await ProjectWithTakesAsync(studio);
        var gallery = studio.Get<GalleryQueries>();

        var detail = await gallery.TakeAsync(ready);
        var tree = await gallery.RemixTreeAsync(remix);
        var activity = await gallery.ActivityAsync(projectId);

        Assert.Equal(projectId, detail.ProjectId);
        Assert.Equal(VideoVariant.All.Order(), detail.Clips.Select(c => c.Variant).Order());
        Assert.Equal([ready, remix], tree.Select(n => n.TakeId));
        Assert.Equal("Make it night.", tree[1].RemixInstruction);
        Assert.Equal(2, activity.TakesByStatus[TakeStatus.Ready]);
        Assert.Equal(1.20m, activity.Committed);
        Assert.Equal(0.80m, activity.Submitted);
    }

    /// <summary>Shot one: a ready take, its ready remix, a failed take and a queued one (oldest to newest); shot two: none.</summary>
    private static async Task<(long ProjectId, long First, long Second, long Ready, long Remix, long Queued)> ProjectWithTakesAsync(StudioTestHost studio)
    {
        var (projectId, first) = await Seed.ShotInNewProjectAsync(studio);
        var second = await Seed.ShotAsync(studio, projectId, title: "Rocks");
        await using var db = await studio.DbAsync();
        var ready = Rows.Take(projectId, first, TakeStatus.Ready, T0);
        db.Takes.Add(ready);
        await db.SaveChangesAsync();
        var remix = Rows.Take(projectId, first, TakeStatus.Ready, T0.AddMinutes(3), parent: ready.Id);
        var failed = Rows.Take(projectId, first, TakeStatus.Failed, T0.AddMinutes(1));
        var queued = Rows.Take(projectId, first, TakeStatus.Queued, T0.AddMinutes(4));
        db.Takes.AddRange(remix, failed, queued);
        await db.SaveChangesAsync();
        db.Clips.AddRange(VideoVariant.All.Select(v => Rows.Clip(ready.Id, v)));
        await db.SaveChangesAsync();
        return (projectId, first, second, ready.Id, remix.Id, queued.Id);
    }
}
