using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class PaletteAnchorsRuleTests
{
    private readonly PaletteAnchorsRule _rule = new();

    private static ShotSpec WithAnchors(params string[] anchors) =>
        ShotSpec.Empty with { Cinematography = new() { PaletteAnchors = anchors } };

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ThreeToFiveAnchorsGetNoAdvice(int count) =>
        AdviceAssert.None(_rule, WithAnchors([.. new[] { "amber", "cream", "walnut brown", "rust", "soft gold" }.Take(count)]));

    [Fact]
    public void NoAnchorsGetAHintWithoutAFix()
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty);

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal("cinematography.paletteAnchors", advice.Field);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void TwoAnchorsAreTooFew() =>
        Assert.Contains("Only 2 palette anchors", AdviceAssert.Single(_rule, WithAnchors("teal", "sand")).Message);

    [Fact]
    public void RepeatedAnchorsCountOnce() =>
        AdviceAssert.Single(_rule, WithAnchors("amber", "Amber", "cream", " "));

    [Fact]
    public void SixAnchorsAreTrimmedToTheFirstFive()
    {
        var advice = AdviceAssert.Single(_rule, WithAnchors("amber", "cream", "walnut brown", "rust", "soft gold", "teal"));

        var fixedSpec = AdviceAssert.FixClears(_rule, advice);

        Assert.Equal(["amber", "cream", "walnut brown", "rust", "soft gold"], fixedSpec.Cinematography.PaletteAnchors);
    }

    [Fact]
    public void AnUltraDetailedGradeStandsInForAnchors() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Ultra = new() { Grade = new() { Highlights = "clean morning sunlight with amber lift" } } });

    [Fact]
    public void TheGuidesStrongLightingExampleHasEnoughAnchors() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0596-strong"));
}
