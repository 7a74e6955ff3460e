using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Compose;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Compose;

public class ShotPageTests : PageTestContext
{
    IRenderedComponent<ShotPage> Open(long projectId, long shotId)
    {
        var page = Render<ShotPage>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.ShotId, shotId).Add(c => c.AutosaveDelay, TimeSpan.FromMilliseconds(50)));
        page.WaitForAssertion(() => page.Find("h1"));
        return page;
    }

    [Fact]
    public async Task TypingSavesTheDraftAMomentLaterAndSaysSo()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var page = Open(projectId, shotId);

        page.FindByLabelText("Style").Input("Super 8, grain, faded blacks");

        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("[data-save-state]").GetAttribute("data-save-state")));
        Assert.Equal("Super 8, grain, faded blacks", (await Host.Get<ShotService>().GetAsync(shotId)).Spec.Style);
    }

    [Fact]
    public async Task TheTitleIsSavedLikeTheSpec()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var page = Open(projectId, shotId);

        page.FindByLabelText("Shot title").Input("Keeper on the stairs");

        page.WaitForAssertion(async () => Assert.Equal("Keeper on the stairs", (await Host.Get<ShotService>().GetAsync(shotId)).Title));
        Assert.Contains("Keeper on the stairs", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task LeavingThePageSavesWhatWasTypedLast()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var page = Render<ShotPage>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.ShotId, shotId).Add(c => c.AutosaveDelay, TimeSpan.FromMinutes(5)));
        page.WaitForAssertion(() => page.Find("h1"));

        page.FindByLabelText("Style").Input("Typed just before leaving");
        Assert.Equal("Pending", page.Find("[data-save-state]").GetAttribute("data-save-state"));
        await page.Instance.DisposeAsync();

        Assert.Equal("Typed just before leaving", (await Host.Get<ShotService>().GetAsync(shotId)).Spec.Style);
    }

    [Fact]
    public async Task AReplaceFromTheGuideIsSavedAndItsUndoBringsBackTheShotAndSavesItToo()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var dialogs = Render<Radzen.Blazor.RadzenDialog>();
        var page = Open(projectId, shotId);

        Button(page, "Start from the guide").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Use Commuter platform (ultra-detailed)"));
        Button(dialogs, "Use Commuter platform (ultra-detailed)").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Replace"));
        Button(dialogs, "Replace").Click();

        page.WaitForAssertion(() => Assert.Contains("Undo replace", page.Markup));
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("[data-save-state]").GetAttribute("data-save-state")));
        Assert.Equal(2, (await Host.Get<ShotService>().GetAsync(shotId)).Spec.Ultra.ShotList.Count);

        Button(page, "Undo replace").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Undo replace", page.Markup));
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("[data-save-state]").GetAttribute("data-save-state")));
        Assert.Equal(Seed.Spec(), (await Host.Get<ShotService>().GetAsync(shotId)).Spec);
    }

    [Fact]
    public async Task TheStyleBibleFillsEmptyFieldsAndThePreviousShotIsCheckedForContinuity()
    {
        var projectId = await Seed.ProjectAsync(Host);
        await Host.Get<ProjectService>().SetStyleBibleAsync(projectId, StyleBible.Empty with { Lighting = "cold blue moonlight through fog" });
        await Seed.ShotAsync(Host, projectId, Seed.Spec() with { Style = "35 mm film", Cinematography = new Cinematography { Lighting = "hard noon sun" } }, "First");
        var second = await Seed.ShotAsync(Host, projectId, Seed.Spec() with { Style = "35 mm film" }, "Second");

        var page = Open(projectId, second);

        Assert.Contains("cold blue moonlight through fog", page.Find("pre.composer-prompt").TextContent);
        Assert.Contains("From the style bible", page.Markup);
        Assert.NotEmpty(page.FindAll(".composer-advice .composer-note"));
    }

    [Fact]
    public async Task TheCostPanelPricesTheVariationsTheBoxAsksFor()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host, Seed.Spec(seconds: 8));
        var page = Open(projectId, shotId);
        Assert.Contains("1 variation $0.80", page.Find("[aria-label='Cost estimate']").TextContent);

        page.FindByLabelText("Variations").Change("3");

        page.WaitForAssertion(() => Assert.Contains("3 variations $2.40", page.Find("[aria-label='Cost estimate']").TextContent));
    }

    [Fact]
    public async Task GenerateRefusesAShotWithAnEmptyPromptBeforeAskingToConfirmAPrice()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host, Seed.Spec(scene: "") with { Style = "" });
        var dialogs = Services.GetRequiredService<Radzen.DialogService>();
        var opened = 0;
        dialogs.OnOpen += (_, _, _, _) => opened++;
        var page = Open(projectId, shotId);

        Button(page, "Generate").Click();

        var notifications = Services.GetRequiredService<Radzen.NotificationService>();
        page.WaitForAssertion(() => Assert.Contains(notifications.Messages, m => m.Summary == "Not generated" && m.Detail!.Contains("The prompt is empty")));
        Assert.Equal(0, opened);
        Assert.Empty(await StoredTakes.AllAsync(Host));
    }

    [Fact]
    public async Task AShotOfAnotherProjectOrNoShotAtAllIsNotFound()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var other = await Seed.ProjectAsync(Host, name: "Other");

        var wrongProject = Render<ShotPage>(p => p.Add(c => c.ProjectId, other).Add(c => c.ShotId, shotId));
        var missing = Render<ShotPage>(p => p.Add(c => c.ProjectId, other).Add(c => c.ShotId, 999_999));

        wrongProject.WaitForAssertion(() => Assert.Equal("Not found", wrongProject.Find("h1").TextContent));
        missing.WaitForAssertion(() => Assert.Equal("Not found", missing.Find("h1").TextContent));
    }

    [Fact]
    public async Task MarkupTypedIntoAFieldIsShownAsTextInThePreview()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var page = Open(projectId, shotId);

        page.FindByLabelText("Style").Input("<img src=x onerror=alert(1)>");

        Assert.Contains("<img src=x onerror=alert(1)>", page.Find("pre.composer-prompt").TextContent);
        Assert.Empty(page.FindAll("pre.composer-prompt img"));
    }

    [Theory]
    [InlineData(ProjectRole.Reviewer)]
    [InlineData(ProjectRole.Viewer)]
    public async Task AReviewerOrViewerSeesTheShotsExactPromptButNoComposerTitleFieldOrGenerate(ProjectRole role)
    {
        var projectId = await Seed.ProjectAsync(Host);
        await Host.Get<ProjectService>().SetStyleBibleAsync(projectId, StyleBible.Empty with { Lighting = "cold blue moonlight through fog" });
        var shotId = await Seed.ShotAsync(Host, projectId);
        var member = await Host.CreateUserAsync($"A {role}");
        await Host.AddMemberAsync(projectId, member, role);
        ActAs(member);

        var page = Open(projectId, shotId);

        Assert.Equal("Shot 1: Stairs", page.Find("h1").TextContent.Trim());
        Assert.Contains($"As a {role} of this project", page.Find("[data-role-note]").TextContent);
        // What would be sent: the shot with the style bible's lighting.
        Assert.Contains("A lighthouse keeper climbs the spiral stairs", page.Find("pre.composer-prompt").TextContent);
        Assert.Contains("cold blue moonlight through fog", page.Find("pre.composer-prompt").TextContent);
        Assert.Equal("sora-2 · 1280x720 · 4 s", page.Find("[data-shot-settings]").TextContent.Trim());
        Assert.Empty(page.FindAll("input, textarea, .composer-layout__form"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Generate"));
    }

    [Fact]
    public async Task TheCostPanelSaysWhatIsLeftOfTheBudgetAndWhetherTheTakesFit()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host, Seed.Spec(seconds: 4), budget: 1m);
        var page = Open(projectId, shotId);

        Assert.Equal("$1.00 left of the $1.00 budget, $0.60 after these takes", page.Find("[data-budget-left]").TextContent.Trim());

        page.FindByLabelText("Variations").Change("3");

        page.WaitForAssertion(() => Assert.Equal("$1.00 left of the $1.00 budget: these takes would pass it", page.Find("[data-budget-left]").TextContent.Trim()));
    }

    [Fact]
    public async Task WithoutABudgetTheCostPanelSaysSo()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);

        var page = Open(projectId, shotId);

        Assert.Equal("No budget set for this project", page.Find("[data-budget-left]").TextContent.Trim());
    }

    [Fact]
    public async Task WhileTakesOfTheShotAreBeingMadeThePageOpensOnThem()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var quiet = Open(projectId, shotId);
        Assert.Contains("Compose", quiet.Find(".rz-tabview-selected").TextContent);

        await Host.Get<SoraStudio.Web.Features.Takes.GenerationService>().GenerateAsync(shotId, 2);
        var page = Open(projectId, shotId);

        Assert.Contains("Takes", page.Find(".rz-tabview-selected").TextContent);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".take-card").Count));
    }

    [Fact]
    public async Task TheTabAndTheVariationsAreInTheAddressSoARefreshKeepsThem()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/projects/{projectId}/shots/{shotId}");
        var page = Open(projectId, shotId);

        page.FindByLabelText("Variations").Change("3");
        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains("Takes")).Click();

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        Assert.Equal(("takes", "3"), (query["tab"].ToString(), query["variations"].ToString()));
        // A refresh: the same address (the page reads its query from it), a new page.
        var refreshed = Render<ShotPage>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.ShotId, shotId));
        refreshed.WaitForAssertion(() => refreshed.Find("h1"));
        Assert.Contains("Takes", refreshed.Find(".rz-tabview-selected").TextContent);
        Assert.Equal("3", refreshed.FindByLabelText("Variations").GetAttribute("value"));
    }
}
