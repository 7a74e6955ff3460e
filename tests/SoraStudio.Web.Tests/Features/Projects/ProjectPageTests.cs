using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Projects;

public class ProjectPageTests : PageTestContext
{
    IRenderedComponent<ProjectPage> Open(long projectId)
    {
        var page = Render<ProjectPage>(p => p.Add(c => c.ProjectId, projectId));
        page.WaitForAssertion(() => page.Find("h1"));
        return page;
    }

    Task<IReadOnlyList<string>> Titles(long projectId) =>
        Host.Get<ShotService>().ListAsync(projectId).ContinueWith(t => (IReadOnlyList<string>)t.Result.Select(s => s.Title).ToList());

    [Fact]
    public async Task AnUnknownProjectShowsTheNotFoundPage()
    {
        var page = Render<ProjectPage>(p => p.Add(c => c.ProjectId, 4242));

        page.WaitForAssertion(() => Assert.Equal("Not found", page.Find("h1").TextContent));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task WithoutShotsTheListSaysHowToStart()
    {
        var id = await Seed.ProjectAsync(Host);

        var page = Open(id);

        Assert.Contains("No shots yet", page.Find(".shot-list, .empty-state").TextContent);
    }

    [Fact]
    public async Task AddingAShotPutsItAtTheEndOfTheList()
    {
        var id = await Seed.ProjectAsync(Host);
        await Seed.ShotAsync(Host, id, title: "Opening");
        var page = Open(id);

        page.FindByLabelText("New shot title").Input("Stairs");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["Opening", "Stairs"], page.FindAll(".shot-row__title").Select(a => a.TextContent)));
        Assert.Equal(["Opening", "Stairs"], await Titles(id));
    }

    [Fact]
    public async Task MoveButtonsReorderTheShotsAndTheEndsCannotMoveFurther()
    {
        var id = await Seed.ProjectAsync(Host);
        foreach (var title in new[] { "One", "Two", "Three" })
            await Seed.ShotAsync(Host, id, title: title);
        var page = Open(id);

        Assert.True(Button(page, "Move One up").HasAttribute("disabled"));
        Assert.True(Button(page, "Move Three down").HasAttribute("disabled"));
        Button(page, "Move One down").Click();

        page.WaitForAssertion(() => Assert.Equal(["Two", "One", "Three"], page.FindAll(".shot-row__title").Select(a => a.TextContent)));
        Assert.Equal(["Two", "One", "Three"], await Titles(id));
    }

    [Fact]
    public async Task DuplicatingAShotPutsItsCopyRightAfterIt()
    {
        var id = await Seed.ProjectAsync(Host);
        await Seed.ShotAsync(Host, id, title: "One");
        await Seed.ShotAsync(Host, id, title: "Two");
        var page = Open(id);

        Button(page, "Duplicate One").Click();

        page.WaitForAssertion(() => Assert.Equal(["One", "One (copy)", "Two"], page.FindAll(".shot-row__title").Select(a => a.TextContent)));
        var shots = await Host.Get<ShotService>().ListAsync(id);
        Assert.Equal(shots[0].Spec, shots[1].Spec);
    }

    [Fact]
    public async Task DeletingAShotAsksFirstAndKeepsItWhenTheAnswerIsNo()
    {
        var id = await Seed.ProjectAsync(Host);
        await Seed.ShotAsync(Host, id, title: "One");
        await Seed.ShotAsync(Host, id, title: "Two");
        var dialogs = Render<RadzenDialog>();
        var page = Open(id);

        Button(page, "Delete One").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete “One” and all of its takes?", dialogs.Markup));
        Button(dialogs, "Keep it").Click();
        Assert.Equal(["One", "Two"], await Titles(id));

        Button(page, "Delete One").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Delete shot"));
        Button(dialogs, "Delete shot").Click();

        page.WaitForAssertion(() => Assert.Equal(["Two"], page.FindAll(".shot-row__title").Select(a => a.TextContent)));
        Assert.Equal(["Two"], await Titles(id));
    }

    [Fact]
    public async Task TheStyleBibleIsSavedAMomentAfterTypingAndSaysSo()
    {
        var id = await Seed.ProjectAsync(Host);
        var page = Open(id);

        // Each find and its event at once on the renderer: a save finishing in between re-renders the page (a loaded machine).
        await page.InvokeAsync(() => page.FindByLabelText("Style").Input("Super 8, grain, faded blacks"));
        await page.InvokeAsync(() => Button(page, "Add character").Click());
        await page.InvokeAsync(() => page.FindByLabelText("Character 1 name").Input("Mara"));
        await page.InvokeAsync(() => page.FindByLabelText("Character 1 description").Input("a lighthouse keeper in a yellow oilskin"));
        Assert.Equal("Pending", page.Find("[data-save-state]").GetAttribute("data-save-state"));

        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("[data-save-state]").GetAttribute("data-save-state")), TimeSpan.FromSeconds(10));
        var bible = (await Host.Get<ProjectService>().GetAsync(id)).StyleBible;
        Assert.Equal("Super 8, grain, faded blacks", bible.Style);
        Assert.Equal([new BibleCharacter("Mara", "a lighthouse keeper in a yellow oilskin")], bible.Characters);
        // The page reloaded after the save and kept what is on screen.
        Assert.Equal("Mara", page.FindByLabelText("Character 1 name").GetAttribute("value"));
    }

    [Fact]
    public async Task GoingToAnotherPageSavesTheStyleBibleBeforeItLoads()
    {
        var id = await Seed.ProjectAsync(Host);
        var editor = Render<StyleBibleEditor>(p => p.Add(e => e.ProjectId, id).Add(e => e.Value, StyleBible.Empty).Add(e => e.AutosaveDelay, TimeSpan.FromMinutes(5)));
        var navigation = Services.GetRequiredService<NavigationManager>();

        editor.FindByLabelText("Setting").Input("A harbour at dawn");
        await editor.InvokeAsync(() => navigation.NavigateTo("/projects"));

        // The page changes only once the save is done.
        editor.WaitForAssertion(() => Assert.EndsWith("/projects", navigation.Uri), TimeSpan.FromSeconds(10));
        Assert.Equal("A harbour at dawn", (await Host.Get<ProjectService>().GetAsync(id)).StyleBible.Setting);
        Assert.Equal("Saved", editor.Find("[data-save-state]").GetAttribute("data-save-state"));
    }

    [Fact]
    public async Task LeavingThePageSavesTheStyleBibleTypedLast()
    {
        var id = await Seed.ProjectAsync(Host);
        var editor = Render<StyleBibleEditor>(p => p.Add(e => e.ProjectId, id).Add(e => e.Value, StyleBible.Empty).Add(e => e.AutosaveDelay, TimeSpan.FromMinutes(5)));

        editor.FindByLabelText("Lighting").Input("Typed just before leaving");
        Assert.Equal("Pending", editor.Find("[data-save-state]").GetAttribute("data-save-state"));
        await DisposeComponentsAsync();

        Assert.Equal("Typed just before leaving", (await Host.Get<ProjectService>().GetAsync(id)).StyleBible.Lighting);
    }

    [Fact]
    public async Task ThePageLinksToTheProjectsTimelineGalleryInsightMembersAndActivity()
    {
        var id = await Seed.ProjectAsync(Host);

        var page = Open(id);

        Assert.Equal(["Timeline", "Gallery", "Insight", "Members", "Activity"], page.FindAll("nav[aria-label='This project'] a").Select(a => a.QuerySelector("span")!.TextContent));
        Assert.Equal([$"/projects/{id}/timeline", $"/projects/{id}/gallery", $"/projects/{id}/insight", $"/projects/{id}/members", $"/projects/{id}/activity"],
            page.FindAll("nav[aria-label='This project'] a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(ProjectRole.Reviewer)]
    [InlineData(ProjectRole.Viewer)]
    public async Task AReviewerOrViewerSeesTheProjectWithoutAnyEditingTool(ProjectRole role)
    {
        var id = await Seed.ProjectAsync(Host, budget: 10m);
        await Host.Get<ProjectService>().SetStyleBibleAsync(id, StyleBible.Empty with
        {
            Style = "Super 8, grain, faded blacks",
            Characters = [new BibleCharacter("Mara", "a lighthouse keeper in a yellow oilskin")],
        });
        await Seed.ShotAsync(Host, id, title: "One");
        var member = await Host.CreateUserAsync($"A {role}");
        await Host.AddMemberAsync(id, member, role);
        ActAs(member);

        var page = Open(id);
        page.WaitForAssertion(() => Assert.Contains("No cast yet", page.Markup));

        Assert.Equal(["One"], page.FindAll(".shot-row__title").Select(a => a.TextContent));
        Assert.Contains($"As a {role} of this project", page.Find("[data-role-note]").TextContent);
        Assert.Contains("Super 8, grain, faded blacks", page.Find("[aria-label='Style bible']").TextContent);
        Assert.Contains("a lighthouse keeper in a yellow oilskin", page.Find("[aria-label='Style bible']").TextContent);
        Assert.Contains("$10.00 left of $10.00", page.Find("[data-budget-status]").TextContent);
        // Nothing to add, move, duplicate, delete, save, upload or set: the services would refuse it all.
        Assert.Empty(page.FindAll("form, input, textarea, button"));
    }

    [Fact]
    public async Task AnEditorComposesButTheBudgetIsTheOwnersToSet()
    {
        var id = await Seed.ProjectAsync(Host, budget: 10m);
        await Seed.ShotAsync(Host, id, title: "One");
        var editor = await Host.CreateUserAsync("An Editor");
        await Host.AddMemberAsync(id, editor, ProjectRole.Editor);
        ActAs(editor);

        var page = Open(id);

        Assert.NotNull(page.FindByLabelText("New shot title"));
        Assert.NotNull(Button(page, "Delete One"));
        Assert.NotNull(page.FindByLabelText("Style"));
        Assert.Contains("$10.00 left of $10.00", page.Find("[data-budget-status]").TextContent);
        Assert.Empty(page.FindAll("[aria-label='Budget (USD)']"));
        Assert.Empty(page.FindAll("[data-role-note]"));
    }

    [Fact]
    public async Task TheOwnerSetsChangesAndRemovesTheBudgetAndIsToldWhyABadOneIsRefused()
    {
        var id = await Seed.ProjectAsync(Host);
        var page = Open(id);
        page.WaitForAssertion(() => Assert.Contains("No budget", page.Find("[data-budget-status]").TextContent));

        page.FindByLabelText("Budget (USD)").Change("-5");
        page.Find(".budget-form").Submit();

        page.WaitForAssertion(() => Assert.Equal("A budget cannot be negative.", page.Find(".budget-form + [role=alert]").TextContent.Trim()));
        Assert.Null((await Host.Get<ProjectService>().GetAsync(id)).Budget);

        page.FindByLabelText("Budget (USD)").Change("25");
        page.Find(".budget-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("$25.00 left of $25.00 ($0.00 committed)", page.Find("[data-budget-status]").TextContent));
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.Equal(25m, (await Host.Get<ProjectService>().GetAsync(id)).Budget);

        page.FindByLabelText("Budget (USD)").Change("40");
        page.Find(".budget-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("$40.00 left of $40.00", page.Find("[data-budget-status]").TextContent));

        Button(page, "Remove budget").Click();

        page.WaitForAssertion(() => Assert.Contains("No budget", page.Find("[data-budget-status]").TextContent));
        Assert.Null((await Host.Get<ProjectService>().GetAsync(id)).Budget);
    }
}
