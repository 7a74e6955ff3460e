using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

public class ListEditingTests : ComposeTestContext
{
    static readonly ValueList<Beat> ThreeBeats = [new("She spins."), new("He steps in.", 2, 4), new("Sheets drift across frame.")];

    IRenderedComponent<ActionsSection> Actions(ValueList<Beat> beats, Action<ValueList<Beat>> changed, int seconds = 8) =>
        Render<ActionsSection>(p => p.Add(s => s.Value, beats).Add(s => s.ValueChanged, changed).Add(s => s.Seconds, seconds));

    [Fact]
    public void NoBeatsShowsAnEmptyStateAndAddingOneStartsTheList()
    {
        ValueList<Beat> beats = [];
        var cut = Actions(beats, v => beats = v);

        Assert.Contains("No beats yet — add the first", cut.Markup);
        Button(cut, "Add beat").Click();

        Assert.Equal([new Beat("")], beats);
    }

    [Fact]
    public void ABeatMovesUpAndDown()
    {
        var beats = ThreeBeats;
        var cut = Actions(beats, v => beats = v);

        Button(cut, "Move beat 2 up").Click();
        Assert.Equal(["He steps in.", "She spins.", "Sheets drift across frame."], beats.Select(b => b.Text));

        cut.Render(p => p.Add(s => s.Value, beats));
        Button(cut, "Move beat 2 down").Click();
        Assert.Equal(["He steps in.", "Sheets drift across frame.", "She spins."], beats.Select(b => b.Text));
    }

    [Fact]
    public void TheFirstBeatCannotMoveUpNorTheLastDown()
    {
        var cut = Actions(ThreeBeats, _ => { });

        Assert.True(Button(cut, "Move beat 1 up").HasAttribute("disabled"));
        Assert.True(Button(cut, "Move beat 3 down").HasAttribute("disabled"));
        Assert.False(Button(cut, "Move beat 2 up").HasAttribute("disabled"));
    }

    [Fact]
    public void ABeatIsRemoved()
    {
        var beats = ThreeBeats;
        var cut = Actions(beats, v => beats = v);

        Button(cut, "Remove beat 2").Click();

        Assert.Equal(["She spins.", "Sheets drift across frame."], beats.Select(b => b.Text));
    }

    [Fact]
    public void ABeatsTextAndTimingAreEditedByLabel()
    {
        var beats = ThreeBeats;
        var cut = Actions(beats, v => beats = v);

        cut.FindByLabelText("Beat 3").Input("Sheets drift, veiling the skyline.");
        cut.Render(p => p.Add(s => s.Value, beats));
        cut.FindByLabelText("Beat 3 start (s)").Change("6");

        Assert.Equal(new Beat("Sheets drift, veiling the skyline.", 6), beats[2]);
    }

    [Theory]
    [InlineData(4, "3 of 1–2 beats for 4 s")]
    [InlineData(8, "3 of 2–4 beats for 8 s")]
    [InlineData(12, "3 of 3–6 beats for 12 s")]
    [InlineData(16, "3 of 4–8 beats for 16 s")]
    [InlineData(20, "3 of 5–10 beats for 20 s")]
    public void TheBeatBudgetFollowsTheDuration(int seconds, string budget)
    {
        var cut = Actions(ThreeBeats, _ => { }, seconds);

        Assert.Equal(budget, cut.Find(".composer-budget").TextContent.Trim());
    }

    IRenderedComponent<DialogueSection> Dialogue(ValueList<DialogueLine> lines, Action<ValueList<DialogueLine>> changed, int seconds = 4) =>
        Render<DialogueSection>(p => p.Add(s => s.Value, lines).Add(s => s.ValueChanged, changed).Add(s => s.Seconds, seconds));

    [Fact]
    public void DialogueLinesAreAddedEditedReorderedAndRemoved()
    {
        ValueList<DialogueLine> lines = [new("Woman", "See? Even the city dances with us tonight.", "laughing")];
        var cut = Dialogue(lines, v => lines = v);

        Button(cut, "Add line").Click();
        cut.Render(p => p.Add(s => s.Value, lines));
        cut.FindByLabelText("Line 2").Input("Only because you lead.");
        cut.Render(p => p.Add(s => s.Value, lines));
        Button(cut, "Move line 2 up").Click();
        Assert.Equal(["Only because you lead.", "See? Even the city dances with us tonight."], lines.Select(l => l.Text));

        cut.Render(p => p.Add(s => s.Value, lines));
        Button(cut, "Remove line 2").Click();
        Assert.Equal([new DialogueLine("", "Only because you lead.")], lines);
    }

    [Fact]
    public void TheWordCountIsMeasuredAgainstTheGuidesBudgetForTheDuration()
    {
        var cut = Dialogue([new("Woman", "See? Even the city dances with us tonight.", "laughing"), new("Man", "Only because you lead.")], _ => { });

        Assert.Equal($"12 of {ClipBudget.DialogueWords(4)} words · 2 of {ClipBudget.DialogueLines(4)} lines", cut.Find(".composer-budget").TextContent.Trim());
    }

    [Fact]
    public void ATwentySecondClipHoldsFiveTimesTheDialogueOfAFourSecondOne()
    {
        var cut = Dialogue([new("Woman", "See? Even the city dances with us tonight."), new("Man", "Only because you lead.")], _ => { }, seconds: 20);

        Assert.Equal("12 of 60 words · 2 of 10 lines", cut.Find(".composer-budget").TextContent.Trim());
    }

    [Fact]
    public void DialogueOverTheBudgetIsFlagged()
    {
        var words = string.Join(" ", Enumerable.Repeat("word", ClipBudget.DialogueWords(4) + 1));
        var cut = Dialogue([new("Narrator", words)], _ => { });

        Assert.StartsWith($"{ClipBudget.DialogueWords(4) + 1} of {ClipBudget.DialogueWords(4)} words", cut.Find(".composer-budget").TextContent.Trim());
        Assert.Contains("rz-badge-warning", cut.Find(".composer-budget").ClassName);
    }

    [Fact]
    public void EarlierSpeakersAreSuggested()
    {
        var cut = Dialogue([new("Woman", "See?"), new("Man", "Only because you lead."), new("Woman", "Again.")], _ => { });

        var editor = cut.FindComponents<DialogueLineEditor>()[2];
        Assert.Equal(["Woman", "Man"], editor.Instance.Speakers);
    }
}
