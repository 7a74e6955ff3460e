using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class AudienceSuitabilityRuleTests
{
    private readonly AudienceSuitabilityRule _rule = new();

    [Theory]
    [InlineData("A gory battlefield at dawn.")]
    [InlineData("A naked man runs through the square.")]
    [InlineData("Lines of cocaine on a mirror.")]
    [InlineData("An erotic dance at midnight.")]
    public void UnsuitableContentGetsAWarning(string scene)
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty with { Scene = scene, Actions = [new("She walks away.")] });

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Contains("under 18", advice.Message);
    }

    [Fact]
    public void EachTermIsReportedOnce() =>
        Assert.Equal(2, _rule.Check(ShotSpec.Empty with { Scene = "Gore, gore and a strip club.", Actions = [new("More gore.")] }).Count());

    [Fact]
    public void SpokenLinesAreCheckedToo() =>
        Assert.Equal("dialogue", AdviceAssert.Single(_rule, ShotSpec.Empty with { Dialogue = [new("Man", "Bring the heroin.")] }).Field);

    [Theory]
    [InlineData("The heroine of Essex picks grapes beside a drape.")]
    [InlineData("Stars visible to the naked eye above the sextant.")]
    [InlineData("A methodical therapist sips a cocktail; a strip of light crosses the floor.")]
    [InlineData("A torturous climb up the scarred metal stairs.")]
    public void OrdinaryWordsGetNoAdvice(string scene) => AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = scene });

    [Fact]
    public void TheGuidesInterrogationRoomIsSuitable() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound"));
}
