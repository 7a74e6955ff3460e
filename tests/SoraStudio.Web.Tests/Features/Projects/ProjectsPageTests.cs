using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Projects;

public class ProjectsPageTests : PageTestContext
{
    [Fact]
    public void WithoutProjectsItShowsAnEmptyStateThatOffersToCreateOne()
    {
        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => Assert.Contains("No projects yet", page.Find(".empty-state").TextContent));
        Assert.Contains("Create your first project", page.Find(".empty-state button").TextContent);
    }

    [Fact]
    public async Task ArchivedProjectsAreHiddenUntilTheToggleShowsThem()
    {
        await Seed.ProjectAsync(Host, name: "Harbour");
        var archived = await Seed.ProjectAsync(Host, name: "Old pilot");
        await Host.Get<ProjectService>().SetArchivedAsync(archived, true);

        var page = Render<ProjectsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".project-card")));
        Assert.Contains("Harbour", page.Find(".project-card").TextContent);
        Assert.Contains("Show archived (1)", page.Markup);

        page.FindByLabelText("Show archived (1)").Click();

        Assert.Equal(["Harbour", "Old pilot"], page.FindAll(".project-card__name").Select(a => a.TextContent));
        Assert.Contains("Archived", page.FindAll(".project-card")[1].TextContent);
    }

    [Fact]
    public async Task ArchivingAProjectHidesItAndRestoringBringsItBack()
    {
        var id = await Seed.ProjectAsync(Host, name: "Harbour");
        var page = Render<ProjectsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".project-card")));

        Button(page, "Archive Harbour").Click();

        page.WaitForAssertion(() => Assert.Contains("Every project is archived", page.Markup));
        Assert.True((await Host.Get<ProjectService>().GetAsync(id)).Archived);

        page.FindByLabelText("Show archived (1)").Click();
        Button(page, "Restore Harbour").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Archived", page.Find(".project-card").TextContent));
        Assert.False((await Host.Get<ProjectService>().GetAsync(id)).Archived);
    }

    [Fact]
    public async Task MarkupInAProjectNameIsShownAsText()
    {
        await Seed.ProjectAsync(Host, name: "<script>alert(1)</script><b>bold</b>");

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => Assert.Equal("<script>alert(1)</script><b>bold</b>", page.Find(".project-card__name").TextContent));
        Assert.Empty(page.FindAll(".project-card script"));
        Assert.Empty(page.FindAll(".project-card b"));
    }

    [Fact]
    public async Task RenameAndArchiveAreOfferedOnlyOnTheProjectsTheUserOwns()
    {
        await Seed.ProjectAsync(Host, name: "Harbour");
        var someoneElse = await Host.CreateUserAsync("Somebody Else");
        long theirs;
        await using (var scope = Host.ScopeFor(someoneElse))
            theirs = await scope.Get<ProjectService>().CreateAsync(new ProjectInput("Their film"));
        await Host.AddMemberAsync(theirs, Host.Tester, ProjectRole.Editor);

        var page = Render<ProjectsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".project-card").Count));

        Assert.Equal(["Rename Harbour", "Archive Harbour"], page.FindAll(".project-card button").Select(b => b.GetAttribute("aria-label")));
    }
}
