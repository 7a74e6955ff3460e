using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.Features.Review;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Takes;

public class ShotTakesTests : PageTestContext
{
    [Fact]
    public async Task WithoutTakesItSaysHowToMakeOne()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);

        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));

        cut.WaitForAssertion(() => Assert.Contains("No takes yet", cut.Find(".empty-state").TextContent));
    }

    [Fact]
    public async Task AQueuedTakeAppearsAndFollowsItsProgressLive()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));
        cut.WaitForAssertion(() => cut.Find(".empty-state"));

        var ids = await Host.Get<GenerationService>().GenerateAsync(shotId, 2);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".take-card").Count));
        Assert.All(cut.FindAll("[data-take-status]"), card => Assert.Equal("Queued", card.GetAttribute("data-take-status")));

        var now = DateTimeOffset.UtcNow;
        Host.Get<EventStream<TakeChanged>>().Publish(new TakeChanged(ids[0], shotId, 0, TakeStatus.InProgress, 40, null, null, now, now.AddSeconds(-40), now.AddSeconds(-20)));

        // 40 % in 20 s: 50 s in all, 40 s of it gone.
        cut.WaitForAssertion(() => Assert.InRange(int.Parse(cut.Find("[aria-label='Take 1 progress']").GetAttribute("aria-valuenow")!, System.Globalization.CultureInfo.InvariantCulture), 80, 84));
        var card = cut.Find("[aria-label='Take 1']");
        Assert.Contains("Rendering", card.TextContent);
        Assert.Matches(@"^about \d s left$|^about 10 s left$", card.QuerySelector(".take-progress__left")!.TextContent.Trim());
    }

    [Fact]
    public async Task ACardIsCalledByItsNumberInItsProject()
    {
        var (_, otherShot) = await Seed.ShotInNewProjectAsync(Host);
        await Host.Get<GenerationService>().GenerateAsync(otherShot, 2);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var id = Assert.Single(await Host.Get<GenerationService>().GenerateAsync(shotId));

        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));

        cut.WaitForAssertion(() => Assert.Equal("Take 1", cut.Find(".take-card__head strong").TextContent));
        Assert.Equal($"/takes/{id}", cut.Find(".take-card__head a").GetAttribute("href"));
        Assert.Equal(3, id);
        Assert.Contains("waiting for a free slot", cut.Find(".take-card").TextContent);
    }

    [Fact]
    public async Task CancelingAQueuedTakeShowsItCanceled()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var ids = await Host.Get<GenerationService>().GenerateAsync(shotId);
        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId).Add(c => c.CanEdit, true));
        cut.WaitForAssertion(() => cut.Find(".take-card"));

        Button(cut, $"Cancel take {ids[0]}").Click();

        cut.WaitForAssertion(() => Assert.Equal("Canceled", cut.Find("[data-take-status]").GetAttribute("data-take-status")));
        Assert.NotEmpty(cut.FindAll($"[aria-label='Retry take {ids[0]}']"));
    }

    [Fact]
    public async Task ACardShowsItsReviewStateAndRatingAndFollowsAReviewerLive()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var reviewed = await ReviewServiceTests.ReadyTakeAsync(Host, projectId, shotId);
        var fresh = await ReviewServiceTests.ReadyTakeAsync(Host, projectId, shotId);
        var reviews = Host.Get<ReviewService>();
        await reviews.RequestChangesAsync(reviewed, "Warmer light");
        await reviews.RateAsync(reviewed, 2);
        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".take-card").Count));
        var card = () => cut.Find($"[aria-label='Take {reviewed}']");
        Assert.Equal("Changes requested", card().QuerySelector(".review-indicator__state")!.TextContent.Trim());
        Assert.Equal("Rated 2 of 5", card().QuerySelector(".review-indicator__stars")!.GetAttribute("aria-label"));
        Assert.Equal("Pending review", cut.Find($"[aria-label='Take {fresh}'] .review-indicator__state").TextContent.Trim());
        Assert.Null(cut.Find($"[aria-label='Take {fresh}']").QuerySelector(".review-indicator__stars"));

        // Another reviewer approves and re-rates it: the card follows without a reload.
        await reviews.ApproveAsync(reviewed);
        await reviews.RateAsync(reviewed, 5);

        cut.WaitForAssertion(() => Assert.Equal("Rated 5 of 5", card().QuerySelector(".review-indicator__stars")!.GetAttribute("aria-label")));
        Assert.Equal("Approved", card().QuerySelector(".review-indicator__state")!.TextContent.Trim());
        Assert.Equal(5, card().QuerySelectorAll(".review-indicator__stars .is-on").Length);
        Assert.Equal("Pending review", cut.Find($"[aria-label='Take {fresh}'] .review-indicator__state").TextContent.Trim());
    }

    [Fact]
    public async Task ForAReviewerOrViewerTheCardsOfferNoCancelRetryEditRemixOrExtend()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var ready = await ReviewServiceTests.ReadyTakeAsync(Host, projectId, shotId);
        var queued = (await Host.Get<GenerationService>().GenerateAsync(shotId)).Single();
        var canceled = (await Host.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await Host.Get<GenerationService>().CancelAsync(canceled);

        var readOnly = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId).Add(c => c.CanEdit, false));
        var editable = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId).Add(c => c.CanEdit, true));
        readOnly.WaitForAssertion(() => Assert.Equal(3, readOnly.FindAll(".take-card").Count));
        editable.WaitForAssertion(() => Assert.Equal(3, editable.FindAll(".take-card").Count));

        Assert.Empty(readOnly.FindAll(".take-card button"));
        Assert.Contains(readOnly.FindAll(".review-indicator__state"), s => s.TextContent.Contains("Pending review"));
        var offered = editable.FindAll(".take-card button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains($"Cancel take {queued}", offered);
        Assert.Contains($"Retry take {canceled}", offered);
        Assert.Contains(offered, label => label is not null && label.EndsWith($"take {ready}", StringComparison.Ordinal) && !label.StartsWith("Cancel", StringComparison.Ordinal));
    }
}
