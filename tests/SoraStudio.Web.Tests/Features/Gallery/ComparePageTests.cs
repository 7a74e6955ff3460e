using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>Compare: what each column offers by role (select for the timeline, review), and a shared prompt shown once.</summary>
public sealed class ComparePageTests : PageTestContext
{
    private const string SharedPrompt = "A lighthouse keeper climbs the stairs.";

    /// <summary>Three ready takes of one shot, all of <see cref="SharedPrompt"/> unless the third is given its own.</summary>
    private async Task<(long ProjectId, long ShotId, long[] Takes)> ThreeTakesAsync(string? thirdPrompt = null)
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        await using var db = await Host.DbAsync();
        var takes = Enumerable.Range(0, 3).Select(i => Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow.AddMinutes(i - 5))).ToList();
        takes[2].Prompt = thirdPrompt ?? SharedPrompt;
        db.Takes.AddRange(takes);
        await db.SaveChangesAsync();
        db.Clips.AddRange(takes.SelectMany(t => VideoVariant.All.Select(v => Rows.Clip(t.Id, v))));
        await db.SaveChangesAsync();
        return (projectId, shotId, takes.Select(t => t.Id).ToArray());
    }

    private IRenderedComponent<ComparePage> Open(params long[] takes)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/takes/compare?ids={string.Join(',', takes)}");
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Assert.Equal(takes.Length, page.FindAll(".compare-cell").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement Column(IRenderedComponent<ComparePage> page, long take) =>
        page.Find($"section.compare-cell[aria-label='Take {take}']");

    [Fact]
    public async Task APromptTheColumnsShareIsPrintedOnceAndTheOthersSayWhichTakeShowsIt()
    {
        var (_, _, takes) = await ThreeTakesAsync();

        var page = Open(takes);

        Assert.Equal(1, CountOf(page.Markup, SharedPrompt));
        Assert.Contains(SharedPrompt, Column(page, takes[0]).TextContent);
        Assert.Contains($"Same prompt as take {takes[0]}", Column(page, takes[1]).TextContent);
        Assert.Contains($"Same prompt as take {takes[0]}", Column(page, takes[2]).TextContent);
    }

    [Fact]
    public async Task ATakeWithItsOwnPromptShowsItInItsColumn()
    {
        var (_, _, takes) = await ThreeTakesAsync("The keeper lights the great lamp.");

        var page = Open(takes);

        Assert.Contains("The keeper lights the great lamp.", Column(page, takes[2]).QuerySelector("pre")!.TextContent);
        Assert.DoesNotContain("Same prompt", Column(page, takes[2]).TextContent);
    }

    [Fact]
    public async Task TheOwnerSelectsATakeForTheTimelineAndApprovesAnotherFromTheirColumns()
    {
        var (_, shotId, takes) = await ThreeTakesAsync();
        var page = Open(takes);

        Column(page, takes[1]).QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label") == $"Select take {takes[1]} for the timeline").Click();

        page.WaitForAssertion(() => Assert.Contains("Selected for the timeline", Column(page, takes[1]).TextContent));
        await using (var db = await Host.DbAsync())
            Assert.Equal(takes[1], await db.Shots.Where(s => s.Id == shotId).Select(s => s.SelectedTakeId).SingleAsync());
        Assert.DoesNotContain("Selected for the timeline", Column(page, takes[0]).TextContent);

        Column(page, takes[2]).QuerySelectorAll("button").Single(b => b.TextContent.Trim().EndsWith("Approve", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Equal("Approved", Column(page, takes[2]).QuerySelector("[data-review-state]")!.GetAttribute("data-review-state")));
        Assert.Equal(ReviewState.Approved, (await Host.Get<ReviewService>().GetAsync(takes[2])).State);
        Assert.Equal(ReviewState.Pending, (await Host.Get<ReviewService>().GetAsync(takes[0])).State);
    }

    [Theory]
    [InlineData(ProjectRole.Reviewer, false, true)]
    [InlineData(ProjectRole.Editor, true, false)]
    [InlineData(ProjectRole.Viewer, false, false)]
    public async Task EachColumnOffersWhatTheRoleAllows(ProjectRole role, bool selects, bool reviews)
    {
        var (projectId, _, takes) = await ThreeTakesAsync();
        var person = await Host.CreateUserAsync($"{role} person");
        await Host.AddMemberAsync(projectId, person, role);
        ActAs(person);

        var page = Open(takes[0], takes[1]);

        foreach (var take in takes[..2])
        {
            var buttons = Column(page, take).QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label") ?? b.TextContent.Trim()).ToList();
            Assert.Equal(selects, buttons.Contains($"Select take {take} for the timeline"));
            page.WaitForAssertion(() => Assert.NotNull(Column(page, take).QuerySelector("[data-review-state]")));
            buttons = Column(page, take).QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();
            Assert.Equal(reviews, buttons.Any(b => b.EndsWith("Approve", StringComparison.Ordinal)));
            Assert.Equal(reviews, buttons.Any(b => b.EndsWith("Request changes", StringComparison.Ordinal)));
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
