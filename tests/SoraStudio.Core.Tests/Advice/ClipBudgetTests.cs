using SoraStudio.Core.Advice;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice;

public class ClipBudgetTests
{
    [Theory]
    [InlineData(4, 1, 2)]
    [InlineData(8, 2, 4)]
    [InlineData(12, 3, 6)]
    [InlineData(16, 4, 8)]
    [InlineData(20, 5, 10)]
    public void BeatRangesMatchTheGuidesTimingTable(int seconds, int min, int max) =>
        Assert.Equal((min, max), ClipBudget.Beats(seconds));

    [Theory]
    [InlineData(4, 12, 2)]
    [InlineData(8, 24, 4)]
    [InlineData(12, 36, 6)]
    [InlineData(16, 48, 8)]
    [InlineData(20, 60, 10)]
    public void DialogueBudgetIsThreeWordsAndHalfALinePerSecond(int seconds, int words, int lines)
    {
        Assert.Equal(words, ClipBudget.DialogueWords(seconds));
        Assert.Equal(lines, ClipBudget.DialogueLines(seconds));
    }

    [Fact]
    public void TheGuidesTooLongFourSecondLineIsOverBudgetAndItsFixIsUnder()
    {
        var tooLong = ClipBudget.CountWords("I've been thinking about what you said yesterday, and I believe you're absolutely right about everything.");
        var fixedLine = ClipBudget.CountWords("You're right.");

        Assert.Equal(16, tooLong);
        Assert.True(tooLong > ClipBudget.DialogueWords(4));
        Assert.True(fixedLine <= ClipBudget.DialogueWords(4));
    }

    [Theory]
    [InlineData("See? Even the city dances with us tonight.", 8)]
    [InlineData("The Colosseum could hold up to 80,000 spectators.", 8)]
    [InlineData("Almost lost it… but I got it!", 7)]
    [InlineData("", 0)]
    public void CountsWordsNotPunctuation(string text, int words) => Assert.Equal(words, ClipBudget.CountWords(text));

    [Fact]
    public void TheGuidesTwoLineCloseUpExchangeFitsFourSeconds()
    {
        var spec = ShotSpec.Empty with { Dialogue = [new("Woman", "See? Even the city dances with us tonight."), new("Man", "Only because you lead.")] };

        Assert.True(ClipBudget.DialogueFits(ClipBudget.Dialogue(spec), 4));
    }

    [Fact]
    public void SpokenLinesWrittenAsBeatsCountAsDialogueNotBeats()
    {
        var spec = ShotSpec.Empty with
        {
            Actions =
            [
                new("She spins; her dress flares, catching sunlight."),
                new("Woman (laughing): \"See? Even the city dances with us tonight.\""),
                new("He steps in, catches her hand, and dips her into shadow."),
                new("Man (smiling): \"Only because you lead.\""),
            ],
            Dialogue = [new("Narrator", "Later.")],
        };

        Assert.Equal(2, ClipBudget.BeatCount(spec));
        Assert.Equal((3, 13), ClipBudget.Dialogue(spec));
    }

    [Fact]
    public void BlankBeatsAndLinesDoNotCount()
    {
        var spec = ShotSpec.Empty with { Actions = [new(" ")], Dialogue = [new("Man", "  ")] };

        Assert.Equal(0, ClipBudget.BeatCount(spec));
        Assert.Equal((0, 0), ClipBudget.Dialogue(spec));
    }

    [Fact]
    public void AllowedSecondsComeFromTheModelAndAreEmptyForAnUnknownModel()
    {
        Assert.Equal([4, 8, 12, 16, 20], ClipBudget.AllowedSeconds(ShotSpec.Empty, ModelCatalog.Default));
        Assert.Equal([4, 8, 12], ClipBudget.AllowedSeconds(ShotSpec.Empty, ModelCatalog.Launch));
        Assert.Empty(ClipBudget.AllowedSeconds(ShotSpec.Empty with { Model = "veo" }, ModelCatalog.Default));
    }
}
