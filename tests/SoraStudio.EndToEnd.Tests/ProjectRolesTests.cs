using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.EndToEnd.Tests.Gallery;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// A project's members, activity and budget reached from its page and the top bar, and each role offered only what it
/// may do: the walk of issue 14 with an owner and a viewer.
/// </summary>
public class ProjectRolesTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    private static readonly ShotSpec Stairs = ShotSpec.Empty with
    {
        Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, warm tungsten light",
        Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
    };

    private async Task<(long ProjectId, string Name, long ShotId)> SeedProjectAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var name = $"Lighthouse {Guid.NewGuid():N}"[..19];
        var projectId = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput(name));
        var shotId = await scope.ServiceProvider.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", Stairs);
        return (projectId, name, shotId);
    }

    [Fact]
    public async Task TheOwnerReachesMembersAndActivityFromTheProjectAndTheBarAndSetsTheBudget()
    {
        var (projectId, name, shotId) = await SeedProjectAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}");
        var bar = Page.GetByRole(AriaRole.Navigation, new() { Name = "Current project" });
        var main = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        // Members, from the project page: the project stays in the bar, and Projects is not the highlighted entry.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "This project" }).GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/projects/{projectId}/members$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Members", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(bar.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(main.Locator("a.active")).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "members-from-project-1280");

        // Activity, from the bar.
        await bar.GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/projects/{projectId}/activity$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Activity", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(bar.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();

        // Back to the project by its name in the bar; a bad budget is refused with its reason, a good one is saved.
        await bar.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/projects/{projectId}$"));
        var budget = Page.GetByLabel("Budget (USD)", new() { Exact = true });
        await budget.FillAsync("-5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A budget cannot be negative.");
        await budget.FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-budget-status]")).ToHaveTextAsync("$2.00 left of $2.00 ($0.00 committed).");
        await ScreenshotAsync(Page, "project-budget-1280");

        // The composer's cost panel says what is left of it.
        await OpenAsync($"/projects/{projectId}/shots/{shotId}");
        await Assertions.Expect(Page.Locator("[data-budget-left]")).ToHaveTextAsync("$2.00 left of the $2.00 budget, $1.60 after these takes");
    }

    [Fact]
    public async Task AViewerIsOfferedNothingThatWouldBeRefused()
    {
        var (projectId, name, shotId) = await SeedProjectAsync();
        long takeId;
        await using (var scope = await Server.ScopeAsAsync())
            takeId = (await scope.ServiceProvider.GetRequiredService<GenerationService>().GenerateAsync(shotId)).Single();
        await GalleryFlowTests.WaitReadyAsync(Server, takeId);
        var viewer = await Server.CreateUserAsync($"Vera {Guid.NewGuid():N}"[..13]);
        await Server.AddMemberAsync(projectId, viewer, ProjectRole.Viewer);
        await SignInAsync($"{viewer.Name.ToLowerInvariant().Replace(' ', '.')}@studio.test", StudioTestHost.TesterPassword);

        // The project: its shots, style bible and budget to read, nothing to change.
        await OpenAsync($"/projects/{projectId}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Stairs" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-role-note]")).ToContainTextAsync("As a Viewer of this project");
        await Assertions.Expect(Page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("main").GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "project-as-viewer-1280");

        // The shot: its exact prompt and its takes, no composer and no Generate.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Stairs" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("A lighthouse keeper climbs the spiral stairs");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Generate" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByLabel("Shot title", new() { Exact = true })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Takes" }).ClickAsync();
        var number = await NumberOfAsync(takeId);
        var card = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {number}", Exact = true });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "shot-as-viewer-1280");

        // The gallery: compare, but no edit, remix or extend.
        await OpenAsync($"/projects/{projectId}/gallery");
        var tile = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {number}", Exact = true });
        await Assertions.Expect(tile.GetByRole(AriaRole.Button, new() { Name = $"Compare take {takeId}" })).ToBeVisibleAsync();
        await Assertions.Expect(tile.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Edit|Remix|Extend) take") })).ToHaveCountAsync(0);

        // The take's lineage: diff, but no edit or remix.
        await OpenAsync($"/takes/{takeId}");
        var lineage = Page.GetByRole(AriaRole.Tree);
        await Assertions.Expect(lineage.GetByRole(AriaRole.Button, new() { Name = $"Diff take {number}" })).ToBeVisibleAsync();
        await Assertions.Expect(lineage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Edit|Remix) take") })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Current project" })).ToContainTextAsync(name);

        // The projects list: no rename or archive, which are the owner's.
        await OpenAsync("/projects");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Rename {name}" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Archive {name}" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task BeforeSignInTheBarOffersNoNavigation()
    {
        await Page.GotoAsync("/account/login");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Review" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task IconsStandApartFromTheirLabels()
    {
        var (projectId, _, _) = await SeedProjectAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/shot-list");

        // Every link with an icon and a label (the account menu's, the project's in the bar, the shot list's own).
        var gaps = await Page.EvaluateAsync<LinkGap[]>("""
            () => [...document.querySelectorAll('a')].flatMap(a => {
                const icon = a.querySelector('.rzi');
                const label = icon && [...a.children].find(c => c !== icon && c.textContent.trim().length > 0);
                if (!icon || !label) return [];
                const i = icon.getBoundingClientRect(), l = label.getBoundingClientRect();
                return [{ label: label.textContent.trim(), gap: l.left - i.right, icon: i.width }];
            })
            """);

        // The bar holds the project's links beside the account's at 1280 px: nothing overflows it.
        Assert.True(await Page.EvaluateAsync<bool>("() => { const bar = document.querySelector('.shell-bar'); return bar.scrollWidth <= bar.clientWidth; }"),
            "the top bar overflows");
        Assert.True(gaps.Length >= 5, $"only {gaps.Length} links with an icon and a label");
        Assert.All(gaps, link => Assert.True(link.Gap >= 4, $"the icon of “{link.Label}” ({link.Icon:0.#} px wide) is {link.Gap:0.#} px from its label"));
    }
}

/// <summary>A link's label, the space between its icon and the label, and the icon's width, as the browser lays them out.</summary>
public sealed class LinkGap
{
    public string Label { get; set; } = "";
    public double Gap { get; set; }
    public double Icon { get; set; }
}
