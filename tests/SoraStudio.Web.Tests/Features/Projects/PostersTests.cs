using System.Globalization;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Projects;

/// <summary>Project cards and shot rows show a poster frame: the selected take's, else the latest ready take's, else a placeholder.</summary>
public sealed class PostersTests : PageTestContext
{
    private async Task<long> ReadyTakeAsync(long projectId, long shotId, int minutesAgo, bool thumbnail = true)
    {
        await using var db = await Host.DbAsync();
        var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow.AddMinutes(-minutesAgo));
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        db.Clips.AddRange(VideoVariant.All.Where(v => thumbnail || v != VideoVariant.Thumbnail).Select(v => Rows.Clip(take.Id, v)));
        await db.SaveChangesAsync();
        return take.Id;
    }

    private static long? PosterOf(AngleSharp.Dom.IElement element) =>
        element.QuerySelector(".poster-frame img")?.GetAttribute("data-poster-take") is { } take ? long.Parse(take, CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task AShotRowShowsItsSelectedTakeElseItsLatestReadyTakeElseAPlaceholder()
    {
        var projectId = await Seed.ProjectAsync(Host);
        var selectedShot = await Seed.ShotAsync(Host, projectId, title: "One");
        var readyShot = await Seed.ShotAsync(Host, projectId, title: "Two");
        await Seed.ShotAsync(Host, projectId, title: "Three");
        var chosen = await ReadyTakeAsync(projectId, selectedShot, 30);
        await ReadyTakeAsync(projectId, selectedShot, 5);
        await ReadyTakeAsync(projectId, readyShot, 30);
        var latest = await ReadyTakeAsync(projectId, readyShot, 10);
        await ReadyTakeAsync(projectId, readyShot, 1, thumbnail: false);
        await Host.Get<ShotService>().SelectTakeAsync(selectedShot, chosen);
        var shots = await Host.Get<ShotService>().ListAsync(projectId);

        var list = Render<ShotList>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.Shots, shots));

        list.WaitForAssertion(() => Assert.Equal(chosen, PosterOf(list.FindAll(".shot-row")[0])));
        Assert.Equal(latest, PosterOf(list.FindAll(".shot-row")[1]));
        Assert.Null(PosterOf(list.FindAll(".shot-row")[2]));
        Assert.NotNull(list.FindAll(".shot-row")[2].QuerySelector(".poster-frame--empty"));
        Assert.Equal($"/media/takes/{chosen}/thumbnail", list.Find(".shot-row .poster-frame img").GetAttribute("src"));
    }

    [Fact]
    public async Task AProjectCardShowsItsFirstSelectedTakeElseItsLatestReadyTakeElseAPlaceholder()
    {
        var withSelection = await Seed.ProjectAsync(Host, name: "A selected");
        var first = await Seed.ShotAsync(Host, withSelection, title: "One");
        var second = await Seed.ShotAsync(Host, withSelection, title: "Two");
        await ReadyTakeAsync(withSelection, first, 20);
        var selected = await ReadyTakeAsync(withSelection, second, 30);
        await Host.Get<ShotService>().SelectTakeAsync(second, selected);
        var withTakes = await Seed.ProjectAsync(Host, name: "B ready");
        var shot = await Seed.ShotAsync(Host, withTakes);
        await ReadyTakeAsync(withTakes, shot, 30);
        var latest = await ReadyTakeAsync(withTakes, shot, 10);
        await Seed.ProjectAsync(Host, name: "C empty");

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".project-card").Count));
        var cards = page.FindAll(".project-card");
        Assert.Equal(selected, PosterOf(cards[0]));
        Assert.Equal(latest, PosterOf(cards[1]));
        Assert.NotNull(cards[2].QuerySelector(".poster-frame--empty"));
    }

    [Fact]
    public void TheProjectsPageLinksToTheComposerPlayground()
    {
        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/compose/playground" && a.TextContent.Contains("composer playground")));
    }

    [Fact]
    public async Task AStyleBibleCharacterIsDescribedInABoxOfFiveLines()
    {
        var projectId = await Seed.ProjectAsync(Host);
        var editor = Render<ProjectPage>(p => p.Add(c => c.ProjectId, projectId));
        editor.WaitForAssertion(() => editor.Find("#bible-heading"));

        editor.FindAll("button").Single(b => b.TextContent.Contains("Add character")).Click();

        Assert.True(int.Parse(editor.FindByLabelText("Character 1 description").GetAttribute("rows")!, CultureInfo.InvariantCulture) >= 5);
    }
}
