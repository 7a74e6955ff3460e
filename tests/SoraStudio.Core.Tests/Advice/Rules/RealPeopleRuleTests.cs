using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class RealPeopleRuleTests
{
    private readonly RealPeopleRule _rule = new();

    [Theory]
    [InlineData("Taylor Swift sings on a rooftop.")]
    [InlineData("A scientist who looks like albert einstein writes on a chalkboard.")]
    [InlineData("President Lincoln reads a letter by candlelight.")]
    [InlineData("A deepfake of a news anchor reads the weather.")]
    public void FamousNamesGetAWarning(string scene)
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty with { Scene = scene });

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("scene", advice.Field);
    }

    [Fact]
    public void ASpeakerNamedAfterAPublicFigureIsFoundInTheDialogue() =>
        Assert.Equal("dialogue", AdviceAssert.Single(_rule, ShotSpec.Empty with { Dialogue = [new("Barack Obama", "Yes we can.")] }).Field);

    [Theory]
    [InlineData("A swift river runs past a musk ox; the gates of the city open.")]
    [InlineData("The president's desk sits in the presidential suite.")]
    [InlineData("A trumpet player and a king walk past the queen bee's hive.")]
    [InlineData("Michael, a young baker, kneads dough beside the Jordan river.")]
    [InlineData("The character slowly turns toward the window.")]
    public void OrdinaryWordsAreNotPeople(string scene) => AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = scene });

    [Fact]
    public void TheGuidesDocumentaryInterviewIsAnInventedPerson() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0316-simplified-prompt-example"));
}
