using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Components.Layout;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Components;

/// <summary>A project's own pages keep it in the top bar (its name, members and activity) and in the breadcrumbs.</summary>
public class ProjectChipTests : PageTestContext
{
    private async Task<long> ProjectAtAsync(string page)
    {
        var projectId = await Seed.ProjectAsync(Host, name: "Harbour");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/projects/{projectId}/{page}");
        return projectId;
    }

    private void AssertInTheBar(long projectId, string crumb)
    {
        var shell = Services.GetRequiredService<ShellState>();
        Assert.Equal(projectId, shell.ProjectId);
        Assert.Equal("Harbour", shell.ProjectName);
        Assert.Equal(["Projects", "Harbour"], shell.Crumbs.Select(c => c.Text).Take(2));
        Assert.Equal(crumb, shell.Crumbs[^1].Text);
    }

    [Fact]
    public async Task TheMembersPageKeepsTheProject()
    {
        var projectId = await ProjectAtAsync("members");

        var page = Render<MembersPage>(p => p.Add(c => c.ProjectId, projectId));

        page.WaitForAssertion(() => AssertInTheBar(projectId, "Members"));
    }

    [Fact]
    public async Task TheActivityPageKeepsTheProject()
    {
        var projectId = await ProjectAtAsync("activity");

        var page = Render<ProjectActivityPage>(p => p.Add(c => c.ProjectId, projectId));

        page.WaitForAssertion(() => AssertInTheBar(projectId, "Activity"));
    }

    [Fact]
    public async Task ThePrintableShotListKeepsTheProject()
    {
        var projectId = await ProjectAtAsync("shot-list");

        var page = Render<ShotListPage>(p => p.Add(c => c.ProjectId, projectId));

        page.WaitForAssertion(() => AssertInTheBar(projectId, "Shot list"));
    }
}
