using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Core.Tests.Advice;
using Bible = SoraStudio.Core.StyleBible.StyleBible;

namespace SoraStudio.Core.Tests.StyleBible;

public class ContinuityCheckerTests
{
    private static readonly Bible Rooftop = StyleBibleTests.Rooftop;

    private static ShotSpec Shot(string lighting, string style = "1970s romantic drama, 35mm film", params string[] anchors) =>
        ShotSpec.Empty with
        {
            Style = style,
            Cinematography = new() { Lighting = lighting, PaletteAnchors = anchors.Length > 0 ? anchors : ["amber", "cream", "rust", "soft gold"] },
        };

    [Fact]
    public void TheGuidesConsistentWorkflowShotsHaveNoWarnings()
    {
        string[] names = ["guide-1626-step-2-shot-1-wide-establishing", "guide-1649-step-3-shot-2-medium-two-shot", "guide-1672-step-4-shot-3-close-up"];
        var shots = names.Select(n => GuideExample.Spec(n)).ToList();

        Assert.Empty(ContinuityChecker.Check(Rooftop, shots));
        Assert.Empty(ContinuityChecker.Check(null, shots));
    }

    [Fact]
    public void TheGuidesRepeatedLightingShotsHaveNoWarnings()
    {
        var shots = new[] { "guide-0721-shot-1", "guide-0727-shot-2-same-scene" }.Select(n => GuideExample.Spec(n)).ToList();

        Assert.Equal("soft window light from camera left, warm lamp fill from right", shots[1].Cinematography.Lighting);
        Assert.Empty(ContinuityChecker.Check(null, shots));
    }

    [Fact]
    public void TheLightFromTheOtherSideDriftsFromTheBible()
    {
        var warning = Assert.Single(ContinuityChecker.Check(Rooftop, [Shot("golden hour sunlight from camera right, warm bounce")]));

        Assert.Equal(0, warning.ShotIndex);
        Assert.Equal("cinematography.lighting", warning.Field);
        Assert.Equal(ContinuityReference.StyleBible, warning.Against);
        Assert.Contains("key light side", warning.Message);
    }

    [Theory]
    [InlineData("cold moonlight through the windows at night", "time of day")]
    [InlineData("cool fluorescent light from camera left", "colour temperature")]
    public void ADifferentTimeOrTemperatureDriftsFromTheBible(string lighting, string trait) =>
        Assert.Contains(ContinuityChecker.Check(Rooftop, [Shot(lighting)]), w => w.Message.Contains(trait));

    [Fact]
    public void LightingThatSharesNothingDrifts() =>
        Assert.Contains("shares nothing", Assert.Single(ContinuityChecker.Check(Rooftop, [Shot("neon signs")])).Message);

    [Fact]
    public void MissingLightingPaletteAndStyleAreReported()
    {
        var warnings = ContinuityChecker.Check(Rooftop, [ShotSpec.Empty]);

        Assert.Equal(["cinematography.lighting", "style", "cinematography.paletteAnchors"], warnings.Select(w => w.Field));
        Assert.All(warnings, w => Assert.Contains("Shot 1 has no", w.Message));
    }

    [Fact]
    public void APaletteThatDropsAndAddsAnchorsDrifts()
    {
        var warning = Assert.Single(ContinuityChecker.Check(Rooftop, [Shot("golden hour sunlight from camera left", anchors: ["amber", "cream", "rust", "teal"])]));

        Assert.Equal("cinematography.paletteAnchors", warning.Field);
        Assert.Contains("drops soft gold and adds teal", warning.Message);
    }

    [Fact]
    public void AnchorsCompareWithoutCaseOrOrder() =>
        Assert.Empty(ContinuityChecker.Check(Rooftop, [Shot("golden hour sunlight from camera left", anchors: ["Soft Gold", "rust", "cream", "AMBER"])]));

    [Fact]
    public void AnotherDecadeOrFilmFormatDriftsInStyle()
    {
        var warnings = ContinuityChecker.Check(Rooftop, [Shot("golden hour sunlight from camera left", "1940s film noir, 16mm")]);

        Assert.Equal(["decade", "film format"], warnings.Select(w => w.Message.Contains("(decade)") ? "decade" : "film format"));
        Assert.All(warnings, w => Assert.Equal("style", w.Field));
    }

    [Fact]
    public void WithoutABibleEachShotIsComparedWithThePreviousOne()
    {
        ShotSpec[] shots =
        [
            Shot("soft window light from camera left, warm lamp fill from right"),
            Shot("soft window light from camera left, warm lamp fill from right"),
            Shot("hard light from camera right", anchors: ["steel blue", "charcoal", "ice white"]),
        ];

        var warnings = ContinuityChecker.Check(null, shots);

        Assert.All(warnings, w => Assert.Equal(2, w.ShotIndex));
        Assert.All(warnings, w => Assert.Equal(ContinuityReference.PreviousShot, w.Against));
        Assert.Contains(warnings, w => w.Message.Contains("key light side"));
        Assert.Contains(warnings, w => w.Message.Contains("light quality"));
        Assert.Contains(warnings, w => w.Field == "cinematography.paletteAnchors");
    }

    [Fact]
    public void BibleFieldsThatAreEmptyFallBackToThePreviousShot()
    {
        var bible = new Bible { Style = "1970s romantic drama, 35mm film" };

        var warnings = ContinuityChecker.Check(bible, [Shot("golden hour from the left"), Shot("night from the left")]);

        var warning = Assert.Single(warnings);
        Assert.Equal(1, warning.ShotIndex);
        Assert.Equal(ContinuityReference.PreviousShot, warning.Against);
    }

    [Fact]
    public void EffectiveShotsInheritingTheBibleAreConsistent()
    {
        var shots = new[] { ShotSpec.Empty, ShotSpec.Empty with { Scene = "Rosa dances." } }
            .Select(s => Rooftop.ApplyTo(s).Spec).ToList();

        Assert.Empty(ContinuityChecker.Check(Rooftop, shots));
    }

    [Fact]
    public void NoShotsNoWarnings() => Assert.Empty(ContinuityChecker.Check(Rooftop, []));
}
