using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// Review state and rating on the gallery's tiles and the shot's take cards (live as a reviewer changes them), and the
/// timeline saying how takes of two sizes will be joined.
/// </summary>
public class ReviewOnCardsTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task TilesAndCardsShowTheReviewLiveAndTheTimelineSaysHowTakesOfTwoSizesJoin()
    {
        long projectId, wideShot, wide, tall, remix;
        await using (var scope = await Server.ScopeAsAsync())
        {
            var services = scope.ServiceProvider;
            projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Harbour {Guid.NewGuid():N}"[..16]));
            var shots = services.GetRequiredService<ShotService>();
            wideShot = await shots.AddAsync(projectId, "Harbour at dawn", Spec("Fishing boats leave the harbour at dawn, gulls overhead.", "1280x720"));
            var tallShot = await shots.AddAsync(projectId, "Net mender", Spec("An old fisherman mends a net on the quay, close on his hands.", "720x1280"));
            var generation = services.GetRequiredService<GenerationService>();
            wide = (await generation.GenerateAsync(wideShot, requestedBy: "e2e")).Single();
            tall = (await generation.GenerateAsync(tallShot, requestedBy: "e2e")).Single();
            await GalleryFlowTests.WaitReadyAsync(Server, wide);
            await GalleryFlowTests.WaitReadyAsync(Server, tall);
            // A remix on the timeline, approved: the tile with every line (shot, change, review, meta, selected, actions).
            remix = await generation.RemixAsync(wide, "Same shot, switch to an 85mm lens.");
            await GalleryFlowTests.WaitReadyAsync(Server, remix);
            await shots.SelectTakeAsync(wideShot, remix);
            await shots.SelectTakeAsync(tallShot, tall);
            var reviews = services.GetRequiredService<ReviewService>();
            await reviews.ApproveAsync(wide);
            await reviews.RateAsync(wide, 4);
            await reviews.ApproveAsync(remix);
            await reviews.RateAsync(remix, 5);
            await reviews.RequestChangesAsync(tall, "Closer on the hands");
        }
        await SignInAsync();

        await OpenAsync($"/projects/{projectId}/gallery");
        var wideNumber = await NumberOfAsync(wide);
        var wideTile = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {wideNumber}", Exact = true });
        var tallTile = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {await NumberOfAsync(tall)}", Exact = true });
        await Assertions.Expect(wideTile.GetByText("Approved", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(wideTile.GetByRole(AriaRole.Img, new() { Name = "Rated 4 of 5" })).ToBeVisibleAsync();
        await Assertions.Expect(tallTile.GetByText("Changes requested", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tallTile.GetByRole(AriaRole.Img)).ToHaveCountAsync(1); // its thumbnail; no stars yet
        var remixTile = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {await NumberOfAsync(remix)}", Exact = true });
        await Assertions.Expect(remixTile.GetByRole(AriaRole.Img, new() { Name = "Rated 5 of 5" })).ToBeVisibleAsync();
        // Every line fits the tile: its actions are inside it, not cut off by the row.
        var tileBox = (await remixTile.BoundingBoxAsync())!;
        var actionsBox = (await remixTile.Locator(".take-tile__actions").BoundingBoxAsync())!;
        Assert.True(actionsBox.Y + actionsBox.Height <= tileBox.Y + tileBox.Height, $"The actions end at {actionsBox.Y + actionsBox.Height}, below the tile's {tileBox.Y + tileBox.Height}.");
        await ScreenshotAsync(Page, "gallery-review-state-1280");

        // A reviewer rates the tall take elsewhere: the open gallery follows.
        await using (var scope = await Server.ScopeAsAsync())
            await scope.ServiceProvider.GetRequiredService<ReviewService>().RateAsync(tall, 2);
        await Assertions.Expect(tallTile.GetByRole(AriaRole.Img, new() { Name = "Rated 2 of 5" })).ToBeVisibleAsync();

        await OpenAsync($"/projects/{projectId}/shots/{wideShot}");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Takes" }).ClickAsync();
        var card = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {wideNumber}", Exact = true });
        await Assertions.Expect(card.GetByText("Approved", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Img, new() { Name = "Rated 4 of 5" })).ToBeVisibleAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(Page, "takes-review-state-1280");

        await OpenAsync($"/projects/{projectId}/timeline");
        await Assertions.Expect(Page.GetByText("Joined MP4: re-encoded to 1280×720 because shots differ in size")).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "timeline-join-plan-1280");
    }

    private static ShotSpec Spec(string scene, string size) => ShotSpec.Empty with
    {
        Model = "sora-2",
        Size = size,
        Seconds = 4,
        Style = "35 mm film, overcast morning light",
        Scene = scene,
    };
}
