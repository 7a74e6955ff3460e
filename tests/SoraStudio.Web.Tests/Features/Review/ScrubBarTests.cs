using Microsoft.AspNetCore.Components.Web;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Review;

public sealed class ScrubBarTests : ComposeTestContext
{
    private readonly List<double> _seeks = [];
    private readonly List<long> _selected = [];
    private int _commentKeys;

    private IRenderedComponent<ScrubBar> Render(double current = 0, params ScrubMarker[] markers) => Render<ScrubBar>(p => p
        .Add(b => b.Duration, 4)
        .Add(b => b.Current, current)
        .Add(b => b.Markers, markers)
        .Add(b => b.OnSeek, s => _seeks.Add(s))
        .Add(b => b.OnMarkerSelected, id => _selected.Add(id))
        .Add(b => b.OnCommentKey, () => _commentKeys++));

    [Fact]
    public void MarkersSitWhereTheirCommentsAreInTheVideo()
    {
        var cut = Render(0, new ScrubMarker(1, 2, null, "0:02 Rita: less flicker", false), new ScrubMarker(2, 1, 3, "0:01–0:03 Olive: slower", true));

        var point = cut.Find("[data-comment='1']");
        var range = cut.Find("[data-comment='2']");
        Assert.Contains("left:50%", point.GetAttribute("style"));
        Assert.Equal("0:02 Rita: less flicker", point.GetAttribute("aria-label"));
        Assert.Contains("left:25%", range.GetAttribute("style"));
        Assert.Contains("width:calc(50%", range.GetAttribute("style"));
        Assert.Contains("is-range", range.ClassList);
        Assert.Contains("is-resolved", range.ClassList);
        Assert.DoesNotContain("is-resolved", point.ClassList);
    }

    [Fact]
    public void ClickingAMarkerSeeksToItsStartAndSelectsItsComment()
    {
        var cut = Render(0, new ScrubMarker(7, 2.5, null, "0:02.5 Rita: here", false));

        cut.Find("[data-comment='7']").Click();

        Assert.Equal([2.5], _seeks);
        Assert.Equal([7L], _selected);
    }

    [Fact]
    public void ClickingTheBarSeeksToThatPlace()
    {
        JSInterop.SetupModule("./js/review-player.js").Setup<double>("fraction", _ => true).SetResult(0.75);
        var cut = Render();

        cut.Find("[role=slider]").Click(new MouseEventArgs { ClientX = 300 });

        Assert.Equal([3.0], _seeks);
    }

    [Fact]
    public void TheKeyboardSeeksAndAsksForACommentHere()
    {
        var cut = Render(current: 2);
        var bar = cut.Find("[role=slider]");

        bar.KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        bar.KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        bar.KeyDown(new KeyboardEventArgs { Key = "End" });
        bar.KeyDown(new KeyboardEventArgs { Key = "c" });

        Assert.Equal([3.0, 1.0, 4.0], _seeks);
        Assert.Equal(1, _commentKeys);
        Assert.Equal("0:02 of 0:04", bar.GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void BeatsTickWhereTheyStartAndTheBracketsJumpBetweenThem()
    {
        ScheduledBeat[] beats = [new(1, "Takes four steps", 0, 1.5, false), new(2, "Pauses", 1.5, 3, false), new(3, "Pulls the curtain", 3, 4, true)];
        var cut = Render<ScrubBar>(p => p
            .Add(b => b.Duration, 4)
            .Add(b => b.Current, 2)
            .Add(b => b.Beats, beats)
            .Add(b => b.OnSeek, s => _seeks.Add(s)));
        var bar = cut.Find("[role=slider]");

        Assert.Equal(["left:0%", "left:37.5%", "left:75%"], cut.FindAll(".scrub-beat-tick").Select(t => t.GetAttribute("style")));
        bar.KeyDown(new KeyboardEventArgs { Key = "]" });
        bar.KeyDown(new KeyboardEventArgs { Key = "[" });
        cut.Render(p => p.Add(b => b.Current, 1.5));
        bar.KeyDown(new KeyboardEventArgs { Key = "[" });
        cut.Render(p => p.Add(b => b.Current, 3));
        bar.KeyDown(new KeyboardEventArgs { Key = "]" });

        // From 2 s: the next beat at 3, the one before at 1.5; from a beat's start, [ goes to the beat before it; none after the last.
        Assert.Equal([3.0, 1.5, 0.0], _seeks);
    }
}
