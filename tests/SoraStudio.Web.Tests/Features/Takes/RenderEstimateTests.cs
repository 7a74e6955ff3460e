using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Tests.Features.Takes;

/// <summary>The time left of a rendering take, from the pace the provider reported; never negative, never absurd.</summary>
public sealed class RenderEstimateTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static RenderEstimate At(int progress, double reportedAfter, double now) =>
        RenderEstimate.Of(TakeStatus.InProgress, progress, Submitted, Submitted.AddSeconds(reportedAfter), Submitted.AddSeconds(now));

    [Fact]
    public void ThePacePredictsTheTimeLeftAndTheBarMovesOnBetweenReports()
    {
        // 25 % after 20 s: 80 s in all. Ten seconds after that report: 50 s left, and the bar at 37 %.
        var estimate = At(25, 20, 30);

        Assert.Equal(TimeSpan.FromSeconds(50), estimate.Left);
        Assert.Equal("about 50 s left", estimate.Text);
        Assert.Equal(37, estimate.Percent);
    }

    [Fact]
    public void BetweenPollsTheBarNeverGoesBackNorReachesAHundredBeforeTheProvider()
    {
        Assert.Equal(59, At(59, 60, 61).Percent);
        Assert.Equal(99, At(59, 60, 500).Percent);
    }

    [Fact]
    public void PastTheEstimateItSaysAlmostDoneThenLongerThanExpectedNeverANegativeFigure()
    {
        var late = At(50, 30, 61);
        var later = At(50, 30, 200);

        Assert.Equal((TimeSpan.Zero, "almost done"), (late.Left, late.Text));
        Assert.Equal((TimeSpan.Zero, "taking longer than expected"), (later.Left, later.Text));
    }

    [Fact]
    public void WithoutAReliablePaceItEstimatesNothing()
    {
        Assert.Equal((null, "estimating time left"), (At(1, 5, 10).Left, At(1, 5, 10).Text));
        var noReport = RenderEstimate.Of(TakeStatus.InProgress, 0, Submitted, null, Submitted.AddSeconds(30));
        Assert.Equal((0, (TimeSpan?)null), (noReport.Percent, noReport.Left));
        // A pace that says hours is not said at all.
        Assert.Equal((null, "more than an hour left"), (At(3, 300, 300).Left, At(3, 300, 300).Text));
    }

    [Theory]
    [InlineData(7, "7 s")]
    [InlineData(42, "45 s")]
    [InlineData(130, "2 min")]
    public void TimesAreSaidAsAPersonWouldSayThem(double seconds, string said)
    {
        Assert.Equal(said, RenderEstimate.Say(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void OtherStatesSayWhatIsHappening()
    {
        Assert.Equal("waiting for a free slot", RenderEstimate.Of(TakeStatus.Queued, 0, null, null, Submitted).Text);
        Assert.Equal((100, "downloading the clip"), (RenderEstimate.Of(TakeStatus.Downloading, 100, Submitted, Submitted, Submitted).Percent,
            RenderEstimate.Of(TakeStatus.Downloading, 100, Submitted, Submitted, Submitted).Text));
    }
}
