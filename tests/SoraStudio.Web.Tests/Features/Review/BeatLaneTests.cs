using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Review;

public sealed class BeatLaneTests : ComposeTestContext
{
    private static readonly ScheduledBeat[] CurtainBeats =
        BeatSchedule.Plan([new Beat("Character takes four steps to the window"), new Beat("Pauses and looks outside"),
            new Beat("Reaches up and pulls the curtain in the final second")], 4).ToArray();

    [Fact]
    public void EachBeatSpansItsTimeAndIsNamedByItsNumberTimeAndWords()
    {
        var cut = Render<BeatLane>(p => p.Add(l => l.Beats, CurtainBeats).Add(l => l.Duration, 4).Add(l => l.Current, 3.5)
            .Add(l => l.Action, "comment on this beat"));

        var items = cut.FindAll(".beat-lane__beat");
        Assert.Equal(["left:0%;width:37.5%", "left:37.5%;width:37.5%", "left:75%;width:25%"], items.Select(i => i.GetAttribute("style")));
        var last = cut.FindByLabelText("Beat 3, 0:03 to 0:04: Reaches up and pulls the curtain in the final second (comment on this beat)");
        Assert.Equal("true", last.GetAttribute("aria-current"));
        Assert.Contains("is-current", items[2].ClassList);
        Assert.DoesNotContain("is-current", items[0].ClassList);
        Assert.Equal("Pauses and looks outside", items[1].QuerySelector(".beat-lane__text")!.TextContent);
    }

    [Fact]
    public void ClickingABeatHandsItOver()
    {
        ScheduledBeat? clicked = null;
        var cut = Render<BeatLane>(p => p.Add(l => l.Beats, CurtainBeats).Add(l => l.Duration, 4).Add(l => l.OnBeat, b => clicked = b));

        cut.FindByLabelText("Beat 2, 0:01.5 to 0:03: Pauses and looks outside (play from here)").Click();

        Assert.Equal(CurtainBeats[1], clicked);
    }

    [Fact]
    public void SpokenLinesAreTheirOwnListNamedAsLines()
    {
        var spec = ShotSpec.Empty with { Seconds = 4, Dialogue = [new DialogueLine("Detective", "You're lying."), new DialogueLine("Suspect", "Or maybe I'm just tired.")] };
        var cut = Render<BeatLane>(p => p.Add(l => l.Beats, BeatSchedule.LinesForTake(spec, 4)).Add(l => l.Noun, "Line").Add(l => l.ListName, "Dialogue lines")
            .Add(l => l.Duration, 4));

        Assert.Equal("Dialogue lines", cut.Find("ol").GetAttribute("aria-label"));
        Assert.Contains("beat-lane--line", cut.Find("ol").ClassList);
        cut.FindByLabelText("Line 2, 0:02 to 0:04: Suspect: “Or maybe I'm just tired.” (play from here)");
    }

    [Fact]
    public void NoBeatsNoLane()
    {
        var cut = Render<BeatLane>(p => p.Add(l => l.Beats, []).Add(l => l.Duration, 4));

        Assert.Empty(cut.FindAll(".beat-lane"));
    }
}
