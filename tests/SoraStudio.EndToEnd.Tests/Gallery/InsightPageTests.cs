using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>The Insight page of a project with approved takes, against the in-process emulator: figures, charts, CSV.</summary>
public class InsightPageTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task AnOwnerReadsWhatEachApprovedSecondCostAndDownloadsTheCsv()
    {
        long projectId;
        await using (var scope = await Server.ScopeAsAsync())
        {
            var services = scope.ServiceProvider;
            projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Yield {Guid.NewGuid():N}"[..14]));
            var spec = ShotSpec.Empty with { Model = "sora-2", Size = "1280x720", Seconds = 4, Scene = "A lighthouse keeper climbs the spiral stairs at dusk." };
            var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", spec);
            var takes = await services.GetRequiredService<GenerationService>().GenerateAsync(shotId, 2);
            foreach (var take in takes)
                await GalleryFlowTests.WaitReadyAsync(Server, take);
            await services.GetRequiredService<ReviewService>().ApproveAsync(takes[1]);
        }
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "This project" }).GetByRole(AriaRole.Link, new() { Name = "Insight" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/projects/{projectId}/insight$"));

        // Two 4 s takes at $0.40, one approved: $0.80 for 4 approved seconds.
        var figures = Page.GetByRole(AriaRole.Region, new() { Name = "Project figures" });
        await Assertions.Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Takes attempted" })).ToContainTextAsync("2");
        await Assertions.Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Takes approved" })).ToContainTextAsync("4 s of screen time");
        await Assertions.Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Committed" })).ToContainTextAsync("$0.80");
        await Assertions.Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Per approved second" })).ToContainTextAsync("$0.20/s");
        await Assertions.Expect(Page.Locator(".rz-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Gridcell, new() { Name = "1. Stairs", Exact = true })).ToBeVisibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("project,", csv, StringComparison.Ordinal);
        Assert.Contains(",2,1,4,0.80,0.80,0.80,0.2000,0.5", csv, StringComparison.Ordinal);
        if (GalleryFlowTests.ScreenshotPath("insight-1280.png") is { } path)
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }
}
