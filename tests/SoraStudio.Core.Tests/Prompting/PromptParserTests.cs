using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The five-part line forms the parser reads.</summary>
public class PromptParserTests
{
    [Fact]
    public void ParsesStyleInlineAndSceneParagraphBelowIt()
    {
        var spec = PromptParser.Parse("Style: 16mm black-and-white film\n\nA man waits at a bus stop.\nRain falls.");

        Assert.Equal("16mm black-and-white film", spec.Style);
        Assert.Equal("A man waits at a bus stop.\nRain falls.", spec.Scene);
    }

    [Fact]
    public void TextWithoutHeadersIsAllSceneProse()
    {
        const string text = "In a 90s documentary-style interview, an old Swedish man sits in a study and says, \"I still remember.\"";

        Assert.Equal(ShotSpec.Empty with { Scene = text }, PromptParser.Parse(text));
    }

    [Fact]
    public void SceneParagraphsKeepOneBlankLineBetweenThem()
    {
        Assert.Equal("First.\n\nSecond.", PromptParser.Parse("\n\nFirst.\n\n\n\nSecond.\n\n").Scene);
    }

    [Fact]
    public void HeadersAreCaseInsensitive()
    {
        var spec = PromptParser.Parse("STYLE: noir\n\nCINEMATOGRAPHY:\ncamera shot: close-up\nLENS: 85mm\n\nactions:\n- He looks up\n\nBACKGROUND SOUND:\nRain");

        Assert.Equal("noir", spec.Style);
        Assert.Equal(("close-up", "85mm"), (spec.Cinematography.CameraShot, spec.Cinematography.Lens));
        Assert.Equal([new Beat("He looks up")], spec.Actions);
        Assert.Equal("Rain", spec.BackgroundSound);
    }

    [Fact]
    public void WindowsAndOldMacLineEndingsReadLikeLineFeeds()
    {
        var lf = PromptParser.Parse("Style: noir\n\nScene.\n\nActions:\n- One\n- Two");

        Assert.Equal(lf, PromptParser.Parse("Style: noir\r\n\r\nScene.\r\n\r\nActions:\r\n- One\r\n- Two"));
        Assert.Equal(lf, PromptParser.Parse("Style: noir\r\rScene.\r\rActions:\r- One\r- Two"));
    }

    [Fact]
    public void ParsesMarkdownBoldAndHashHeaders()
    {
        var spec = PromptParser.Parse("**Style:** 1970s film\n\n## Cinematography\n**Lens:** 40mm\n\n### Actions:\n- She spins\n\n**Background Sound**\nWind");

        Assert.Equal("1970s film", spec.Style);
        Assert.Equal("40mm", spec.Cinematography.Lens);
        Assert.Equal([new Beat("She spins")], spec.Actions);
        Assert.Equal("Wind", spec.BackgroundSound);
    }

    [Fact]
    public void CameraLineSplitsFramingAngleAndMovementByTheirWords()
    {
        var c = PromptParser.Parse("Camera: medium shot, static, eye level").Cinematography;

        Assert.Equal(("medium shot", "eye level", "static"), (c.CameraShot, c.Angle, c.Movement));
    }

    [Fact]
    public void CameraLineKeepsCommasInsideBracketsAndJoinsPartsOfOneField()
    {
        var c = PromptParser.Parse("Camera: wide shot (city, dusk), high angle, tracking left, medium close-up").Cinematography;

        Assert.Equal("wide shot (city, dusk), medium close-up", c.CameraShot);
        Assert.Equal("high angle", c.Angle);
        Assert.Equal("tracking left", c.Movement);
    }

    [Fact]
    public void SeparateAngleAndMovementLabelsAreRead()
    {
        var c = PromptParser.Parse("Cinematography:\nCamera shot: close-up\nAngle: dutch angle 15 degrees\nCamera movement: slow arc around the character").Cinematography;

        Assert.Equal(("close-up", "dutch angle 15 degrees", "slow arc around the character"), (c.CameraShot, c.Angle, c.Movement));
    }

    [Fact]
    public void LightingPlusPaletteIsLighting()
    {
        Assert.Equal("soft window light with warm lamp fill", PromptParser.Parse("Lighting + palette: soft window light with warm lamp fill").Cinematography.Lighting);
    }

    [Fact]
    public void TheGuidesLightingPlusPaletteLabelReadsBackInTheUsersWords()
    {
        var spec = PromptParser.Parse(GuideExamples.Read("guide-0221-examples.txt"));

        Assert.True(spec.Cinematography.LightingIncludesPalette);
        Assert.Contains("\nLighting + palette: warm backlight with soft rim\n", PromptRenderer.Render(spec) + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void TheGuidesStrongLightingExampleRoundTripsWithItsLabel()
    {
        const string strong = "Cinematography:\nLighting + palette: soft window light with warm lamp fill, cool rim from hallway\nPalette anchors: amber, cream, walnut brown";

        Assert.Equal(strong, PromptRenderer.Render(PromptParser.Parse(strong)));
    }

    [Fact]
    public void APlainLightingLabelStaysPlain()
    {
        var spec = PromptParser.Parse("Lighting: golden natural key");

        Assert.False(spec.Cinematography.LightingIncludesPalette);
        Assert.Equal("Cinematography:\nLighting: golden natural key", PromptRenderer.Render(spec));
    }

    [Theory]
    [InlineData("Palette anchors: amber, cream, walnut brown")]
    [InlineData("Palette: amber; cream; walnut brown")]
    [InlineData("Palette anchors: amber, cream,\nwalnut brown")]
    [InlineData("Colour palette: amber, , cream, walnut brown,")]
    [InlineData("Palette: amber,cream;walnut brown")]
    public void ParsesPaletteAnchorsAsAList(string line)
    {
        Assert.Equal(["amber", "cream", "walnut brown"], PromptParser.Parse(line).Cinematography.PaletteAnchors);
    }

    [Fact]
    public void PaletteAnchorsSplitAtEveryCommaEvenInsideBrackets()
    {
        Assert.Equal(["cool blue (dark", "deep)", "cream"], PromptParser.Parse("Palette anchors: cool blue (dark, deep), cream").Cinematography.PaletteAnchors);
    }

    [Fact]
    public void LabelledLineContinuesOnTheLinesBelowUntilABlankLine()
    {
        var spec = PromptParser.Parse("Lighting: soft window light\nwarm lamp fill from the right\n\nA quiet room.");

        Assert.Equal("soft window light\nwarm lamp fill from the right", spec.Cinematography.Lighting);
        Assert.Equal("A quiet room.", spec.Scene);
    }

    [Fact]
    public void LabelWithNothingAfterItTakesTheLinesBelow()
    {
        Assert.Equal("golden hour backlight", PromptParser.Parse("Lighting:\ngolden hour backlight").Cinematography.Lighting);
    }

    [Fact]
    public void RepeatedLabelKeepsBothValuesOnSeparateLines()
    {
        Assert.Equal("key from the left\nrim from behind", PromptParser.Parse("Lighting: key from the left\nLighting: rim from behind").Cinematography.Lighting);
    }

    [Fact]
    public void ParsesActionBullets()
    {
        var spec = PromptParser.Parse("Actions:\n- Types for two seconds\n* Pauses and looks at screen\n• Resumes typing");

        Assert.Equal([new Beat("Types for two seconds"), new Beat("Pauses and looks at screen"), new Beat("Resumes typing")], spec.Actions);
    }

    [Theory]
    [InlineData("- (0–2s) She spins", 0.0, 2.0)]
    [InlineData("- (0-2s) She spins", 0.0, 2.0)]
    [InlineData("- (0s – 2.5s) She spins", 0.0, 2.5)]
    [InlineData("- [1.5 – 3s] She spins", 1.5, 3.0)]
    [InlineData("- (at 1.25s) She spins", 1.25, null)]
    [InlineData("- (2s) She spins", 2.0, null)]
    [InlineData("- (until 3s) She spins", null, 3.0)]
    public void ParsesTimedBeat(string line, double? start, double? end)
    {
        Assert.Equal([new Beat("She spins", start, end)], PromptParser.Parse("Actions:\n" + line).Actions);
    }

    [Theory]
    [InlineData("- (2) She spins")]
    [InlineData("- (soft) She spins")]
    [InlineData("- (0–2 seconds) She spins")]
    [InlineData("- (1 to 2s) She spins")]
    public void BracketThatIsNotATimeStaysInTheBeat(string line)
    {
        Assert.Equal([new Beat(line[2..])], PromptParser.Parse("Actions:\n" + line).Actions);
    }

    [Fact]
    public void BeatContinuesOnAnUnbulletedLineBelowIt()
    {
        Assert.Equal([new Beat("He steps in,\ncatches her hand")], PromptParser.Parse("Actions:\n- He steps in,\ncatches her hand").Actions);
    }

    [Fact]
    public void TextBelowAnEmptyBulletIsThatBeatWithItsTiming()
    {
        Assert.Equal([new Beat("She spins", 1, 2)], PromptParser.Parse("Actions:\n-\n(1-2s) She spins").Actions);
    }

    [Fact]
    public void UnbulletedLineRightAfterActionsHeaderIsABeat()
    {
        Assert.Equal([new Beat("She spins, then bows.")], PromptParser.Parse("Actions: She spins, then bows.").Actions);
    }

    [Fact]
    public void ProseAfterABlankLineBelowActionsIsScene()
    {
        var spec = PromptParser.Parse("Actions:\n- She spins\n\nThe city hums below.\n- A last beat");

        Assert.Equal([new Beat("She spins"), new Beat("A last beat")], spec.Actions);
        Assert.Equal("The city hums below.", spec.Scene);
    }

    [Fact]
    public void ParsesDialogueWithDelivery()
    {
        var spec = PromptParser.Parse("Dialogue:\n- Woman (laughing): \"See? Even the city dances with us tonight.\"\n- Man (smiling): \"Only because you lead.\"");

        Assert.Equal(
            [new DialogueLine("Woman", "See? Even the city dances with us tonight.", "laughing"), new DialogueLine("Man", "Only because you lead.", "smiling")],
            spec.Dialogue);
    }

    [Theory]
    [InlineData("- Detective: \"You're lying.\"", "Detective", "You're lying.", "")]
    [InlineData("Detective: \"You're lying.\"", "Detective", "You're lying.", "")]
    [InlineData("- Robot says quietly: \"Almost lost it… but I got it!\"", "Robot", "Almost lost it… but I got it!", "says quietly")]
    [InlineData("- Text overlay: \"Track Every Step\"", "Text overlay", "Track Every Step", "")]
    [InlineData("- Man (off-screen, tired): “Curly quotes.”", "Man", "Curly quotes.", "off-screen, tired")]
    [InlineData("- Woman: \"He said \"go\" twice\"", "Woman", "He said \"go\" twice", "")]
    [InlineData("- Narrator at 10:30: \"Time has a colon.\"", "Narrator at 10:30", "Time has a colon.", "")]
    [InlineData("- (whispering): \"Nobody speaks.\"", "", "Nobody speaks.", "whispering")]
    public void ParsesDialogueLineForms(string line, string speaker, string text, string delivery)
    {
        Assert.Equal([new DialogueLine(speaker, text, delivery)], PromptParser.Parse("Dialogue:\n" + line).Dialogue);
    }

    [Fact]
    public void DialogueBlockLineThatIsNotSpokenGoesToSceneAsWritten()
    {
        var spec = PromptParser.Parse("Dialogue:\n- Narrator speaks over the footage\n- A: \"unterminated");

        Assert.Empty(spec.Dialogue);
        Assert.Equal("- Narrator speaks over the footage\n- A: \"unterminated", spec.Scene);
    }

    [Fact]
    public void ParsesBackgroundSoundBlockAndInlineForm()
    {
        Assert.Equal("Rain, ticking clock.\n\nFaint bulb sizzle.", PromptParser.Parse("Background Sound:\nRain, ticking clock.\n\nFaint bulb sizzle.").BackgroundSound);
        Assert.Equal("Distant traffic hiss", PromptParser.Parse("Background Sound: Distant traffic hiss").BackgroundSound);
    }

    [Fact]
    public void ModelSizeAndSecondsLinesSetTheGenerationParameters()
    {
        var spec = PromptParser.Parse("Model: sora-2-pro\nSize: 1792x1024\nSeconds: 12\n\nA watch on a pedestal.");

        Assert.Equal(("sora-2-pro", "1792x1024", 12), (spec.Model, spec.Size, spec.Seconds));
        Assert.Equal("A watch on a pedestal.", spec.Scene);
    }

    [Theory]
    [InlineData("Model: the best one")]
    [InlineData("Size: huge")]
    [InlineData("Seconds: 0")]
    [InlineData("Seconds: eight")]
    public void ParameterLineWithAValueThatIsNoParameterStaysText(string line)
    {
        var spec = PromptParser.Parse(line);

        Assert.Equal(line, spec.Scene);
        Assert.Equal((ShotSpec.Empty.Model, ShotSpec.Empty.Size, ShotSpec.Empty.Seconds), (spec.Model, spec.Size, spec.Seconds));
    }

    [Fact]
    public void ParameterGivenTwiceWithDifferentValuesStaysTextBothTimes()
    {
        var spec = PromptParser.Parse("Model: sora-2\nSeconds: 4\nSeconds: 8\nSeconds: 4\n\nA chef.");

        Assert.Equal(("sora-2", ShotSpec.Empty.Seconds), (spec.Model, spec.Seconds));
        Assert.Equal("Seconds: 4\nSeconds: 8\nSeconds: 4\n\nA chef.", spec.Scene);
    }

    [Fact]
    public void ParameterRepeatedWithTheSameValueIsRead()
    {
        Assert.Equal(12, PromptParser.Parse("Seconds: 12\nSeconds: 12").Seconds);
    }

    [Fact]
    public void PromptLineWhoseTextWouldReadAsAHeaderKeepsItsLabel()
    {
        Assert.Equal("Prompt: \"Actions: jump\"", PromptParser.Parse("Prompt: \"Actions: jump\"").Scene);
    }

    [Fact]
    public void RepeatedLabelWhoseValueWouldReadAsAHeaderJoinsOnTheSameLine()
    {
        var spec = PromptParser.Parse("Style: noir\nStyle: Actions: jump");

        Assert.Equal("noir; Actions: jump", spec.Style);
        Assert.Empty(spec.Actions);
    }

    [Fact]
    public void BaseSpecSuppliesTheGenerationParametersTheTextDoesNotName()
    {
        var baseSpec = ShotSpec.Empty with
        {
            Model = "sora-2-pro", Size = "720x1280", Seconds = 8, ReferenceImage = new("a.png", "image/png", 720, 1280), Scene = "ignored",
        };

        var spec = PromptParser.Parse("Seconds: 12\n\nA chef chops vegetables.", baseSpec);

        Assert.Equal(baseSpec with { Seconds = 12, Scene = "A chef chops vegetables." }, spec);
    }

    [Fact]
    public void NullAndEmptyTextGiveTheEmptySpec()
    {
        Assert.Equal(ShotSpec.Empty, PromptParser.Parse(null));
        Assert.Equal(ShotSpec.Empty, PromptParser.Parse(""));
        Assert.Equal(ShotSpec.Empty, PromptParser.Parse(" \n\t\r\n "));
    }

    [Fact]
    public void HeaderWithNothingAfterItLeavesItsSectionEmpty()
    {
        Assert.Equal(ShotSpec.Empty, PromptParser.Parse("Style:\n\nCinematography:\n\nActions:\n\nDialogue:\n\nBackground Sound:\n\nFinishing"));
    }

    [Fact]
    public void WordsThatOnlyStartLikeAHeaderAreProse()
    {
        const string text = "Sound design carries this scene.\nActions speak louder than words.\nStyleless: not a label.";

        Assert.Equal(text, PromptParser.Parse(text).Scene);
    }
}
