using AngleSharp.Dom;
using Radzen;
using SoraStudio.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>bUnit for the tile, the timeline strip and the lineage tree: pure components fed with cards.</summary>
public sealed class GalleryComponentTests : BunitContext
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public GalleryComponentTests()
    {
        Services.AddRadzenComponents();
        Services.AddSingleton<EventStream<ReviewChanged>>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void ATileShowsItsReviewStateAsTextAndItsRatingAsStars()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(7) with { ReviewState = ReviewState.ChangesRequested, Rating = 4 }));

        Assert.Equal("Changes requested", cut.Find(".review-indicator__state").TextContent.Trim());
        var stars = cut.Find(".review-indicator__stars");
        Assert.Equal(("img", "Rated 4 of 5"), (stars.GetAttribute("role"), stars.GetAttribute("aria-label")));
        Assert.Equal(4, stars.QuerySelectorAll(".is-on").Length);
        Assert.All(stars.Children, star => Assert.Equal("true", star.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void ATileFollowsItsTakesReviewLiveAndIgnoresOtherTakes()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(7)));
        Assert.Equal("Pending review", cut.Find(".review-indicator__state").TextContent.Trim());
        Assert.Empty(cut.FindAll(".review-indicator__stars"));
        var events = Services.GetRequiredService<EventStream<ReviewChanged>>();

        events.Publish(new ReviewChanged(1, 8, ReviewChangeKind.Review, new ReviewMark(ReviewState.ChangesRequested, 1)));
        events.Publish(new ReviewChanged(1, 7, ReviewChangeKind.Review, new ReviewMark(ReviewState.Approved, 5)));

        cut.WaitForAssertion(() => Assert.Equal("Approved", cut.Find(".review-indicator__state").TextContent.Trim()));
        Assert.Equal("Rated 5 of 5", cut.Find(".review-indicator__stars").GetAttribute("aria-label"));
        // The gallery reading the same card again does not undo what the reviewer did.
        cut.Render(p => p.Add(t => t.Card, Card(7)));
        Assert.Equal("Approved", cut.Find(".review-indicator__state").TextContent.Trim());
    }

    [Fact]
    public void ATakeStillBeingMadeHasNoPendingReviewBadge()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(8, TakeStatus.InProgress, progress: 40)));

        Assert.Empty(cut.FindAll(".review-indicator"));
    }

    internal static TakeCard Card(long id, TakeStatus status = TakeStatus.Ready, long? parent = null, string? change = null, int progress = 0,
        decimal? cost = 0.40m, bool thumbnail = true, int seconds = 4, int minutes = 0) =>
        new(id, 1, parent, change, status, progress, null, null, "sora-2", "1280x720", seconds, 0.40m, cost, "ana", T0.AddMinutes(minutes), null,
            thumbnail ? $"ab/{id}.jpg" : null, status == TakeStatus.Ready ? $"ab/{id}.mp4" : null);

    [Fact]
    public void ATileShowsItsThumbnailLazilyWithModelSizeSecondsAndCost()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(7)).Add(t => t.Scrub, true));

        var img = cut.Find("img");
        Assert.Equal("/media/takes/7/thumbnail", img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal(["sora-2", "1280x720", "4 s", "$0.40"], cut.FindAll(".take-tile__meta span").Select(s => s.TextContent));
        Assert.Equal("/media/takes/7/spritesheet", cut.Find(".take-tile__thumb").GetAttribute("data-scrub"));
        Assert.Equal("Ready", cut.Find(".take-status").TextContent.Trim());
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }

    [Fact]
    public void ATileBeingMadeShowsItsProgressAnEstimateAndNoScrubbing()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(8, TakeStatus.InProgress, progress: 40, cost: null, thumbnail: false)).Add(t => t.Scrub, true));

        Assert.Empty(cut.FindAll("img"));
        Assert.Null(cut.Find(".take-tile__thumb").GetAttribute("data-scrub"));
        Assert.Equal("Take 8 progress", cut.Find("[role=progressbar]").GetAttribute("aria-label"));
        Assert.Contains("40%", cut.Find(".take-status").TextContent);
        Assert.Contains("Rendering", cut.Find(".take-status").TextContent);
        Assert.Contains("≈ $0.40", cut.Find(".take-tile__meta").TextContent);
    }

    [Fact]
    public void ARenderingTileSaysAboutHowLongIsLeftFromTheProvidersPace()
    {
        var now = DateTimeOffset.UtcNow;
        // 25 % reported 20 s into the render, 30 s ago it started: about 50 s left.
        var card = Card(8, TakeStatus.InProgress, progress: 25) with { SubmittedAt = now.AddSeconds(-30), ProgressAt = now.AddSeconds(-10) };

        var cut = Render<TakeTile>(p => p.Add(t => t.Card, card));

        Assert.Matches(@"^about (45|50) s left$", cut.Find(".take-progress__left").TextContent.Trim());
        Assert.InRange(int.Parse(cut.Find("[role=progressbar]").GetAttribute("aria-valuenow")!, System.Globalization.CultureInfo.InvariantCulture), 37, 40);
    }

    [Fact]
    public void ATileIsNamedByItsNumberInTheProjectAndLinksByItsId()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(22) with { Number = 3 }));

        Assert.Equal("Take 3", cut.Find(".take-tile__title").TextContent.Trim());
        Assert.Equal("/takes/22", cut.Find(".take-tile__title").GetAttribute("href"));
        Assert.Equal("Take 3", cut.Find("article").GetAttribute("aria-label"));
    }

    [Fact]
    public void ATileShowsMarkupInARemixInstructionAsText()
    {
        var cut = Render<TakeTile>(p => p.Add(t => t.Card, Card(9, parent: 7, change: "<b>Same shot</b>, night")).Add(t => t.Selected, true));

        Assert.Contains("<b>Same shot</b>, night", cut.Find(".take-tile__change").TextContent);
        Assert.Empty(cut.FindAll(".take-tile__change b"));
        Assert.Contains("On the timeline", cut.Find(".take-tile__selected").TextContent);
        Assert.Contains("take-tile--selected", cut.Find("article").ClassName);
    }

    private static TimelineStrip Strip() => new(3, "Lighthouse",
    [
        new(11, 0, "Stairs", 4, 101, TakeStatus.Ready, true, true, 2, 1, 0),
        new(12, 1, "Lamp", 12, null, null, false, false, 1, 1, 0),
        new(13, 2, "Sea", 8, 103, TakeStatus.Ready, true, true, 1, 1, 0),
    ]);

    [Fact]
    public void TheTimelineStripsWidthsFollowDurationAndShotsWithoutATakeAreFlagged()
    {
        var cut = Render<TimelineStripView>(p => p.Add(t => t.Strip, Strip()));

        var shots = cut.FindAll("li.timeline-shot");
        Assert.Equal(["flex-grow: 4; flex-basis: 10rem;", "flex-grow: 12; flex-basis: 30rem;", "flex-grow: 8; flex-basis: 20rem;"], shots.Select(s => s.GetAttribute("style")));
        Assert.Contains("No take selected", shots[1].TextContent);
        Assert.Contains("timeline-shot--unselected", shots[1].ClassName);
        Assert.DoesNotContain("timeline-shot--unselected", shots[0].ClassName);
        Assert.Equal("/media/takes/101/thumbnail", shots[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(24, Strip().TotalSeconds);
        Assert.Equal("0:24", TimelineStripView.RunningTime(24));
        Assert.Equal("2:05", TimelineStripView.RunningTime(125));
    }

    [Fact]
    public void TheTimelineHighlightsThePlayingShotAndPlaysFromAShot()
    {
        TimelineEntry? from = null;
        var cut = Render<TimelineStripView>(p => p.Add(t => t.Strip, Strip()).Add(t => t.PlayingShotId, 13L).Add(t => t.OnPlayFrom, (TimelineEntry e) => from = e));

        var playing = cut.Find("li[aria-current=true]");
        Assert.Equal("13", playing.GetAttribute("data-shot-id"));
        Assert.Contains("Playing", playing.TextContent);
        Assert.Equal(2, cut.FindAll("button").Count); // only the two shots with a selected take can play
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Play from shot 3").Click();
        Assert.Equal(13, from!.ShotId);
    }

    [Fact]
    public void TheLineageTreeNestsRemixesUnderTheirParentWithTheChangeOnTheEdge()
    {
        var roots = ShotLineage.Build(
        [
            Card(1),
            Card(2, parent: 1, change: "Same shot, 85mm lens.", minutes: 1),
            Card(3, TakeStatus.Queued, parent: 2, change: "Same shot, night.", minutes: 2, thumbnail: false),
            Card(4, parent: 1, change: "Same shot, red coat.", minutes: 3),
            Card(5, TakeStatus.Failed, minutes: 4),
        ]);
        TakeCard? remixed = null;
        var cut = Render<LineageTree>(p => p.Add(t => t.Roots, roots).Add(t => t.CurrentTakeId, 2L).Add(t => t.SelectedTakeId, 4L)
            .Add(t => t.OnRemix, (TakeCard c) => remixed = c));

        var items = cut.FindAll("[role=treeitem]");
        Assert.Equal(["1", "2", "3", "4", "5"], items.Select(i => i.GetAttribute("data-take-id")));
        Assert.Equal(["1", "2", "3", "2", "1"], items.Select(i => i.GetAttribute("aria-level")));
        Assert.Equal("Same shot, night.", Item(cut, 3).QuerySelector(".lineage__change")!.TextContent);
        Assert.DoesNotContain(Item(cut, 1).Children, c => c.ClassList.Contains("lineage__edge"));
        Assert.Equal("true", Item(cut, 2).GetAttribute("aria-selected"));
        Assert.NotNull(Item(cut, 4).QuerySelector("[aria-label='Selected for the timeline']"));
        // Branch from any ready node; a queued or failed one cannot be remixed.
        Assert.Equal(["Remix take 1", "Remix take 2", "Remix take 4"], cut.FindAll("button[aria-label^='Remix take']").Select(b => b.GetAttribute("aria-label")));
        cut.Find("button[aria-label='Remix take 2']").Click();
        Assert.Equal(2, remixed!.TakeId);
    }

    [Fact]
    public void AnExtensionsEdgeIsLabelledWithTheAddedSecondsAndDrawnApartFromEditsAndRemixes()
    {
        var roots = ShotLineage.Build(
        [
            Card(1),
            Card(2, parent: 1, change: "Same shot, night.", minutes: 1) with { Kind = TakeKind.Edit },
            Card(3, parent: 1, change: "The keeper lights the lamp.", seconds: 12, minutes: 2) with { Kind = TakeKind.Extension },
            Card(4, parent: 3, change: "The beam sweeps the sea.", seconds: 16, minutes: 3) with { Kind = TakeKind.Extension },
            Card(5, parent: 1, change: "Same shot, 85mm lens.", minutes: 4) with { Kind = TakeKind.Remix },
        ]);

        var cut = Render<LineageTree>(p => p.Add(t => t.Roots, roots).Add(t => t.OnRemix, (TakeCard _) => { })
            .Add(t => t.ChangeKindOf, (TakeCard _) => TakeKind.Edit));

        Assert.Equal("Edit", Item(cut, 2).QuerySelector(".lineage__kind")!.TextContent);
        Assert.Equal("Extension +8 s → 12 s", Item(cut, 3).QuerySelector(".lineage__kind")!.TextContent);
        Assert.Equal("Extension +4 s → 16 s", Item(cut, 4).QuerySelector(".lineage__kind")!.TextContent);
        Assert.Equal("Remix", Item(cut, 5).QuerySelector(".lineage__kind")!.TextContent);
        Assert.Contains("lineage__edge--extension", Item(cut, 3).QuerySelector(".lineage__edge")!.ClassName);
        Assert.Contains("lineage__item--extension", Item(cut, 3).ClassName);
        Assert.DoesNotContain("lineage__item--extension", Item(cut, 2).ClassName);
        Assert.Contains("lineage__edge--edit", Item(cut, 2).QuerySelector(".lineage__edge")!.ClassName);
        Assert.Equal("Take 3, Ready, extension +8 s → 12 s: The keeper lights the lamp.", Item(cut, 3).GetAttribute("aria-label"));
        // The provider has edits: every ready node branches by an edit.
        Assert.Equal(["Edit take 1", "Edit take 2", "Edit take 3", "Edit take 4", "Edit take 5"], cut.FindAll("button[aria-label^='Edit take']").Select(b => b.GetAttribute("aria-label")));
    }

    private static IElement Item(IRenderedComponent<LineageTree> cut, long id) => cut.Find($"[role=treeitem][data-take-id='{id}']");
}
