using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Spec;

public class BeatScheduleTests
{
    private static IReadOnlyList<ScheduledBeat> Plan(double seconds, params Beat[] beats) => BeatSchedule.Plan(beats, seconds);

    private static (double Start, double End)[] Spans(IReadOnlyList<ScheduledBeat> plan) => plan.Select(b => (b.Start, b.End)).ToArray();

    [Fact]
    public void TheGuidesCurtainBeatsShareTheClipAndTheLastTakesTheFinalSecond()
    {
        var plan = Plan(4, new Beat("Character takes four steps to the window"), new Beat("Pauses and looks outside"),
            new Beat("Reaches up and pulls the curtain in the final second"));

        Assert.Equal([(0, 1.5), (1.5, 3), (3, 4)], Spans(plan));
        Assert.Equal([false, false, true], plan.Select(b => b.Timed));
        Assert.Equal([1, 2, 3], plan.Select(b => b.Number));
        Assert.Equal("Pauses and looks outside", plan[1].Text);
    }

    [Fact]
    public void TheGuidesTypingBeatsLastTwoSecondsThenTheRestIsShared()
    {
        var plan = Plan(4, new Beat("Types for two seconds"), new Beat("Pauses and looks at screen"), new Beat("Resumes typing"));

        Assert.Equal([(0, 2), (2, 3), (3, 4)], Spans(plan));
        Assert.True(plan[0].Timed);
    }

    [Fact]
    public void TheGuidesSpecificBeatsWithAOneSecondPauseOnAnEightSecondClip()
    {
        var plan = Plan(8, new Beat("Character takes four steps toward the window"), new Beat("Pauses and looks outside for one second"),
            new Beat("Reaches up and pulls the curtain in the final second"));

        Assert.Equal([(0, 6), (6, 7), (7, 8)], Spans(plan));
    }

    [Fact]
    public void BeatsThatSayNothingAreEvenlySpaced()
    {
        Assert.Equal([(0, 4), (4, 8), (8, 12)], Spans(Plan(12, new Beat("She enters"), new Beat("She sits"), new Beat("She turns to the window"))));
    }

    [Fact]
    public void ABeatsOwnTimingWins()
    {
        var plan = Plan(8, new Beat("Walks in"), new Beat("Turns", StartSeconds: 5, EndSeconds: 6), new Beat("Leaves"));

        Assert.Equal([(0, 5), (5, 6), (6, 8)], Spans(plan));
        Assert.Equal([false, true, false], plan.Select(b => b.Timed));
    }

    [Fact]
    public void ABeatUntilATimeEndsThereAndTheNextStartsThere()
    {
        Assert.Equal([(0, 3), (3, 4)], Spans(Plan(4, new Beat("Holds still", EndSeconds: 3), new Beat("Blinks"))));
    }

    [Fact]
    public void TheFirstSecondsAnchorAtTheStart()
    {
        Assert.Equal([(0, 2), (2, 4)], Spans(Plan(4, new Beat("Rain streaks the glass in the first two seconds"), new Beat("A hand wipes it"))));
    }

    [Fact]
    public void StatedLengthsThatOverrunTheClipAreScaledIntoIt()
    {
        var plan = Plan(4, new Beat("Runs for 3 seconds"), new Beat("Jumps for 3 seconds"));

        Assert.Equal([(0, 2), (2, 4)], Spans(plan));
    }

    [Fact]
    public void NothingFallsOutsideTheClipAndTheOrderIsKept()
    {
        var plan = Plan(4, new Beat("Late", StartSeconds: 9), new Beat("After it"), new Beat("Early", StartSeconds: 1));

        Assert.All(plan, b => Assert.InRange(b.Start, 0, 4));
        Assert.All(plan, b => Assert.InRange(b.End, b.Start, 4));
        Assert.True(plan.Zip(plan.Skip(1)).All(p => p.First.Start <= p.Second.Start));
    }

    [Fact]
    public void EmptyBeatsAreLeftOutAndNumbersFollowTheWrittenOnes()
    {
        var plan = Plan(4, new Beat("  "), new Beat("Looks up"), new Beat(""));

        Assert.Equal([(1, "Looks up", 0.0, 4.0)], plan.Select(b => (b.Number, b.Text, b.Start, b.End)));
    }

    [Theory]
    [InlineData("Holds the pose for a second", 1.0)]
    [InlineData("Holds the pose for 1.5 s", 1.5)]
    [InlineData("Camera orbits over 4 seconds", 4.0)]
    [InlineData("Takes four steps", null)]
    [InlineData("Waits for the bus", null)]
    public void WordsThatGiveALength(string text, double? length)
    {
        var first = Plan(12, new Beat(text), new Beat("Then the rest"))[0];

        Assert.Equal(length ?? 6, first.End - first.Start, 3);
        Assert.Equal(length is not null, first.Timed);
    }

    [Fact]
    public void NoBeatsOrNoLengthPlansNothing()
    {
        Assert.Empty(Plan(4));
        Assert.Empty(Plan(0, new Beat("Looks up")));
    }

    [Fact]
    public void AnExtendedTakesBeatsStayOnItsSourcesSeconds()
    {
        var spec = ShotSpec.Empty with { Seconds = 4, Actions = [new Beat("Climbs"), new Beat("Stops")] };

        Assert.Equal([(0, 2), (2, 4)], Spans(BeatSchedule.ForTake(spec, 12)));
        Assert.Equal([(0, 1.5), (1.5, 3)], Spans(BeatSchedule.ForTake(spec, 3)));
    }

    [Fact]
    public void SpokenLinesShareTheClipEvenlyAndNameTheirSpeaker()
    {
        // The guide's interrogation, with an empty line left in and one without a speaker.
        var spec = ShotSpec.Empty with
        {
            Seconds = 12,
            Dialogue = [new DialogueLine("Detective", "You're lying. I can hear it in your silence."), new DialogueLine("Suspect", "  "),
                new DialogueLine("Suspect", "Or maybe I'm just tired of talking."), new DialogueLine("", "Either way, you'll talk before the night's over.")],
        };

        var lines = BeatSchedule.LinesForTake(spec, 12);

        Assert.Equal([(1, "Detective: “You're lying. I can hear it in your silence.”", 0.0, 4.0), (2, "Suspect: “Or maybe I'm just tired of talking.”", 4.0, 8.0),
            (3, "“Either way, you'll talk before the night's over.”", 8.0, 12.0)], lines.Select(l => (l.Number, l.Text, l.Start, l.End)));
    }
}
