using SoraStudio.Core.Advice;

namespace SoraStudio.Core.Tests.Advice;

/// <summary>The composer's beats and dialogue advice, applied to the seconds an extension adds.</summary>
public class ExtensionAdviceTests
{
    private static readonly int[] AllSteps = [4, 8, 12, 16, 20];

    [Fact]
    public void EachLineOfThePromptIsABeatAndBulletsAreDropped()
    {
        var spec = ExtensionAdvice.Spec("- The keeper reaches the top step.\n\n• She lifts the lantern.\n  The beam sweeps the sea.  ", 8);

        Assert.Equal(["The keeper reaches the top step.", "She lifts the lantern.", "The beam sweeps the sea."], spec.Actions.Select(b => b.Text));
        Assert.Equal(8, spec.Seconds);
    }

    [Fact]
    public void BeatsThatFitTheAddedSecondsGetNoAdvice() =>
        Assert.Empty(ExtensionAdvice.Advise("The keeper reaches the top step.\nShe lifts the lantern.", 8, AllSteps));

    [Fact]
    public void OneBeatForTwelveAddedSecondsIsJudgedOnTheAddedSecondsAndOffersAShorterStep()
    {
        var advice = Assert.Single(ExtensionAdvice.Advise("The keeper reaches the top step.", 12, AllSteps));

        Assert.Equal("beats-per-duration", advice.Code);
        Assert.Contains("Only 1 action beat for 12 s: the guide recommends 3–6 beats for 12 s", advice.Message);
        Assert.Equal(4, advice.Fix!.Seconds);
    }

    [Fact]
    public void TooManyBeatsMoveToALongerStepOnlyAmongTheAllowedOnes()
    {
        const string fiveBeats = "She climbs.\nShe stops.\nShe looks out.\nShe turns.\nShe lights the lamp.";

        Assert.Equal(12, Assert.Single(ExtensionAdvice.Advise(fiveBeats, 4, AllSteps)).Fix!.Seconds);
        // Near the 120 s limit only 4 and 8 s are left: no step holds five beats, so the advice says to split instead.
        var advice = Assert.Single(ExtensionAdvice.Advise(fiveBeats, 4, [4, 8]));
        Assert.Null(advice.Fix);
        Assert.Contains("Split the action", advice.Message);
    }

    [Fact]
    public void ASpokenLineTooLongForTheAddedSecondsIsDialogueAdvice()
    {
        var advice = ExtensionAdvice.Advise(
            "Keeper: \"I've been thinking about what you said yesterday, and I believe you're absolutely right about everything.\"", 4, AllSteps);

        var dialogue = Assert.Single(advice, a => a.Code == "dialogue-too-long");
        Assert.Equal(8, dialogue.Fix!.Seconds);
    }
}
