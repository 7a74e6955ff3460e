using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Components.Layout;
using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Components;

public class MainLayoutTests : PageTestContext
{
    [Fact]
    public void AFinishedTakeRaisesANotification()
    {
        var layout = Render<MainLayout>();

        Host.Get<EventStream<TakeChanged>>().Publish(new TakeChanged(7, 3, 2, TakeStatus.Ready, 100, null, null, DateTimeOffset.UtcNow));

        layout.WaitForAssertion(() => Assert.Contains("Take 7 is ready", layout.Markup));
    }

    [Fact]
    public void AFailedTakeRaisesANotificationWithItsReason()
    {
        var layout = Render<MainLayout>();

        Host.Get<EventStream<TakeChanged>>().Publish(new TakeChanged(8, 3, 2, TakeStatus.Failed, 0, FailureClass.Moderation, "Blocked by moderation.", DateTimeOffset.UtcNow));

        layout.WaitForAssertion(() => Assert.Contains("Take 8 failed", layout.Markup));
        Assert.Contains("Blocked by moderation.", layout.Markup);
    }

    [Fact]
    public void TheCurrentProjectAndBreadcrumbsShowOnlyOnThePageThatSetThem()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/projects/4");
        var layout = Render<MainLayout>();

        Services.GetRequiredService<ShellState>().Show(4, "Harbour", new Crumb("Projects", "/projects"), new Crumb("Harbour"));

        layout.WaitForAssertion(() => Assert.Contains("Harbour", layout.Find(".shell-project").TextContent));
        Assert.Equal("/projects/4/timeline", layout.FindAll(".shell-nav a").Single(a => a.TextContent == "Timeline").GetAttribute("href"));
        Assert.Equal(["Projects", "Harbour"], layout.FindAll(".shell-crumbs li").Select(li => li.TextContent.Trim()));

        navigation.NavigateTo("/review");
        layout.Render();

        Assert.Empty(layout.FindAll(".shell-project"));
        Assert.Empty(layout.FindAll(".shell-crumbs"));
        Assert.Equal("/projects", layout.FindAll(".shell-nav a").Single(a => a.TextContent == "Timeline").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/projects/4/timeline", "Timeline")]
    [InlineData("/projects/4/gallery", "Gallery")]
    [InlineData("/projects/4", "Projects")]
    [InlineData("/projects/4/shots/9", "Projects")]
    public void OnAProjectsTimelineOrGalleryThatEntryIsTheActiveOneNotProjects(string path, string active)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(path);
        var layout = Render<MainLayout>();

        Services.GetRequiredService<ShellState>().Show(4, "Harbour");

        layout.WaitForAssertion(() => Assert.Equal([active],
            layout.FindAll(".shell-nav a").Where(a => a.ClassList.Contains("active")).Select(a => a.TextContent.Trim())));
    }

    [Theory]
    [InlineData("/projects/4/members", "Members")]
    [InlineData("/projects/4/activity", "Activity")]
    [InlineData("/projects/4/shot-list", null)]
    public void OnAProjectsMembersActivityOrShotListProjectsIsNotHighlighted(string path, string? active)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        var layout = Render<MainLayout>();

        Services.GetRequiredService<ShellState>().Show(4, "Harbour");

        layout.WaitForAssertion(() => layout.Find(".shell-project"));
        Assert.Empty(layout.FindAll(".shell-nav a.active"));
        string[] expected = active is null ? [] : [active];
        Assert.Equal(expected, layout.FindAll(".shell-project a.active").Select(a => a.QuerySelector("span")!.TextContent));
    }

    [Fact]
    public void TheCurrentProjectLeadsToItsPageMembersAndActivity()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/projects/4/shots/9");
        var layout = Render<MainLayout>();

        Services.GetRequiredService<ShellState>().Show(4, "Harbour");

        layout.WaitForAssertion(() => layout.Find(".shell-project"));
        Assert.Equal(["Harbour → /projects/4", "Members → /projects/4/members", "Activity → /projects/4/activity"],
            layout.FindAll("nav[aria-label='Current project'] a").Select(a => $"{a.QuerySelector("span")!.TextContent} → {a.GetAttribute("href")}"));
    }

    [Fact]
    public void BeforeSignInTheBarShowsNeitherNavigationNorAProject()
    {
        Authorization.SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/projects/4");
        var layout = Render<MainLayout>();

        Services.GetRequiredService<ShellState>().Show(4, "Harbour");
        layout.Render();

        Assert.Empty(layout.FindAll("nav[aria-label='Main']"));
        Assert.Empty(layout.FindAll(".shell-project"));
        Assert.Empty(layout.FindAll("nav[aria-label='Account']"));
        Assert.NotNull(layout.Find(".shell-brand"));
    }
}
