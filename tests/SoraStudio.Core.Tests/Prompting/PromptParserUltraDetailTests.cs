using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The ultra-detailed headers and the optimized shot list.</summary>
public class PromptParserUltraDetailTests
{
    private static ShotSegment Segment(string line) => Assert.Single(PromptParser.Parse("Optimized Shot List\n\n" + line).Ultra.ShotList);

    [Fact]
    public void ParsesTimestampedShotListLine()
    {
        Assert.Equal(
            new ShotSegment { Start = 0, End = 2.4, Title = "Arrival Drift", Lens = "32mm", CameraMove = "shoulder-mounted slow dolly left" },
            Segment("0.00–2.40 — \"Arrival Drift\" (32mm, shoulder-mounted slow dolly left)"));
    }

    [Theory]
    [InlineData("2.40-4.00 - \"Turn and Pause\" (50mm, slow arc in)")]
    [InlineData("2.40–4.00 – \"Turn and Pause\" (50mm, slow arc in)")]
    [InlineData("2.4s–4s: “Turn and Pause” (50mm, slow arc in)")]
    [InlineData("2.4 – 4 — \"Turn and Pause\" (50mm,slow arc in)")]
    public void ParsesShotListLineWithHyphensAndOtherDashes(string line)
    {
        Assert.Equal(new ShotSegment { Start = 2.4, End = 4, Title = "Turn and Pause", Lens = "50mm", CameraMove = "slow arc in" }, Segment(line));
    }

    [Fact]
    public void ShotListLineWithoutTitleOrMoveKeepsWhatIsThere()
    {
        Assert.Equal(new ShotSegment { Start = 1, End = 2, Lens = "85mm" }, Segment("1.00–2.00 (85mm)"));
        Assert.Equal(new ShotSegment { Start = 1, End = 2, CameraMove = "static" }, Segment("1.00–2.00 — (, static)"));
        Assert.Equal(new ShotSegment { Start = 1, End = 2, Description = "Wide view of the pier." }, Segment("1–2 Wide view of the pier."));
    }

    [Fact]
    public void ShotDescriptionEndsWherePurposeStartsInsideTheParagraph()
    {
        var shot = Segment("0.00–2.40 — \"Arrival\" (32mm)\nCamera slides left; light blooms. Purpose: establish setting\nand tone.");

        Assert.Equal("Camera slides left; light blooms.", shot.Description);
        Assert.Equal("establish setting\nand tone.", shot.Purpose);
    }

    [Fact]
    public void PurposeOnItsOwnLineEndsTheDescription()
    {
        var shot = Segment("0–1\nLine one.\n\nLine two.\npurpose: hook the viewer.");

        Assert.Equal("Line one.\n\nLine two.", shot.Description);
        Assert.Equal("hook the viewer.", shot.Purpose);
    }

    [Fact]
    public void ShotListSummaryInTheHeaderIsRecomputedNotKept()
    {
        var spec = PromptParser.Parse("Optimized Shot List (3 shots / 12s total)\n\n0–4 — \"Only\"");

        Assert.Equal("", spec.Scene);
        Assert.StartsWith("Optimized Shot List (1 shot / 4s total)\n\n0.00–4.00 — \"Only\"", PromptRenderer.Render(spec));
    }

    [Fact]
    public void OtherBracketAfterShotListHeaderAndTextBeforeTheFirstShotGoToScene()
    {
        var spec = PromptParser.Parse("Optimized Shot List (for the teaser)\nKeep it short.\n0–1 — \"One\"");

        Assert.Equal("(for the teaser)\nKeep it short.", spec.Scene);
        Assert.Equal("One", Assert.Single(spec.Ultra.ShotList).Title);
    }

    [Fact]
    public void UltraHeadersAcceptAndForAmpersandAndMissingSpaces()
    {
        var ultra = PromptParser.Parse("Format and Look\n180° shutter\n\nGrade/Palette\nMids: teal\n\nWardrobe/Props/Extras:\nnavy coat").Ultra;

        Assert.Equal("180° shutter", ultra.FormatAndLook);
        Assert.Equal("teal", ultra.Grade.Mids);
        Assert.Equal("navy coat", ultra.WardrobePropsExtras);
    }

    [Fact]
    public void LabelsOfTheFivePartStructureAreTextInsideAnUltraSection()
    {
        var spec = PromptParser.Parse("Lighting & Atmosphere\nLighting: sodium practicals\nMood: eerie");

        Assert.Equal("Lighting: sodium practicals\nMood: eerie", spec.Ultra.LightingAndAtmosphere);
        Assert.True(spec.Cinematography.IsEmpty);
    }

    [Fact]
    public void GradeLinesWithoutALabelAndRepeatedLabelsGoToTheNotes()
    {
        var grade = PromptParser.Parse("Grade / Palette\nHighlights: amber lift\nTeal-orange overall.\nHighlights: a second one").Ultra.Grade;

        Assert.Equal(new GradePalette { Highlights = "amber lift", Notes = "Teal-orange overall.\nHighlights: a second one" }, grade);
    }

    [Fact]
    public void CameraNotesHeaderReadsWithOrWithoutWhyItReads()
    {
        Assert.Equal("Keep eyeline low.", PromptParser.Parse("Camera Notes (Why It Reads)\nKeep eyeline low.").Ultra.CameraNotes);
        Assert.Equal("Keep eyeline low.", PromptParser.Parse("Camera Notes\nKeep eyeline low.").Ultra.CameraNotes);
        Assert.Equal("(Important)\nKeep eyeline low.", PromptParser.Parse("Camera Notes (Important)\nKeep eyeline low.").Ultra.CameraNotes);
    }

    [Fact]
    public void BlankLinesInsideAnUltraSectionDoNotEndIt()
    {
        Assert.Equal("Fine grain.\n\nMix: train over footsteps.", PromptParser.Parse("Finishing\nFine grain.\n\n\nMix: train over footsteps.").Ultra.Finishing);
    }
}
