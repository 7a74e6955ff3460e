using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class CopyrightedContentRuleTests
{
    private readonly CopyrightedContentRule _rule = new();

    [Theory]
    [InlineData("Spider-Man swings between towers.")]
    [InlineData("Mickey Mouse waves from a steamboat.")]
    [InlineData("A kid holds a lightsaber in the garage.")]
    public void CopyrightedCharactersGetAWarning(string scene)
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty with { Scene = scene });

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("scene", advice.Field);
    }

    [Theory]
    [InlineData("A song by Coldplay plays from the radio.")]
    [InlineData("The theme from Jaws swells as the fin appears.")]
    [InlineData("She is humming \"Bohemian Rhapsody\" while cooking.")]
    [InlineData("She is humming \"Moon Over the Harbour\" while cooking.")]
    [InlineData("A track by Radiohead hums under the scene.")]
    public void NamedMusicGetsAWarning(string sound) =>
        Assert.Equal("backgroundSound", AdviceAssert.Single(_rule, ShotSpec.Empty with { BackgroundSound = sound }).Field);

    [Theory]
    [InlineData("Soft jazz music playing quietly; music from the radio.")]
    [InlineData("Natural ambience only: faint wind, fabric flutter, street noise, muffled music. No added score.")]
    [InlineData("A black panther stalks through ferns; we marvel at the view.")]
    [InlineData("Mario, the baker, sweeps the floor of his shop.")]
    public void OrdinaryMusicAndWordsGetNoAdvice(string text) =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = text, BackgroundSound = text });

    [Fact]
    public void TheGuidesCoffeeShopSoundscapeIsClean() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0934-detailed-soundscape"));
}
