using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;
using Terms = SoraStudio.Core.Vocabulary.Vocabulary;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class VagueWordingRuleTests
{
    private readonly VagueWordingRule _rule = new();

    [Fact]
    public void ABeautifulStreetGetsTheGuidesConcreteAlternative()
    {
        var spec = ShotSpec.Empty with { Scene = "A beautiful street at night." };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal("scene", advice.Field);
        Assert.Contains("wet asphalt, zebra crosswalk, neon signs reflecting in puddles", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void MovesQuicklyInAnActionBeatGetsTheStrongVerbAsAnExampleNotAsAFix()
    {
        var spec = ShotSpec.Empty with { Actions = [new("She looks up."), new("The person moves quickly to the door.")] };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal("actions", advice.Field);
        Assert.Contains("jogs three steps and stops at the curb", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void FootstepsInANoirSoundscapeAreAdvisedButTheSceneIsNotRewritten()
    {
        var spec = GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound") with { BackgroundSound = "Rain on the window, footsteps, a distant siren." };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal("backgroundSound", advice.Field);
        Assert.Contains("heavy boot footsteps echoing on marble floor", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void NoFixOfTheRuleChangesTheStory()
    {
        foreach (var pair in Terms.WeakToStrong.Where(p => !VagueWordingRule.KeepsTheStory(p)))
            Assert.Null(Assert.Single(_rule.Check(ShotSpec.Empty with { Scene = pair.Weak })).Fix);
        Assert.Equal(["camera", "look"], Terms.WeakToStrong.Where(VagueWordingRule.KeepsTheStory).Select(p => p.Aspect).Distinct().Order());
    }

    [Theory]
    [InlineData("brightly lit room")]
    [InlineData("nice lighting")]
    [InlineData("A room with good lighting")]
    public void WeakLightingGetsTheGuidesStrongLighting(string lighting)
    {
        var spec = ShotSpec.Empty with { Cinematography = new() { Lighting = lighting } };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal("cinematography.lighting", advice.Field);
        Assert.Contains("lamp fill", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void CinematicLookInTheCameraShotGetsTheAnamorphicWording()
    {
        var spec = ShotSpec.Empty with { Cinematography = new() { CameraShot = "cinematic look" } };

        var fixedSpec = AdviceAssert.FixClears(_rule, AdviceAssert.Single(_rule, spec));

        Assert.Equal("anamorphic 2.0x lens, shallow DOF, volumetric light", fixedSpec.Cinematography.CameraShot);
    }

    [Fact]
    public void EveryWeakPhraseOfTheVocabularyIsFoundAndItsStrongOneIsNot()
    {
        foreach (var pair in Terms.WeakToStrong)
        {
            var advice = Assert.Single(_rule.Check(ShotSpec.Empty with { BackgroundSound = pair.Weak }));
            Assert.Contains(pair.Strong, advice.Message);
            Assert.Equal(VagueWordingRule.KeepsTheStory(pair) ? pair.Strong : null, advice.Fix?.BackgroundSound);
            Assert.Empty(_rule.Check(ShotSpec.Empty with { BackgroundSound = pair.Strong }));
        }
    }

    [Theory]
    [InlineData("Wet asphalt, zebra crosswalk, neon signs reflecting in puddles.")]
    [InlineData("Cyclist pedals three times, brakes, and stops at crosswalk.")]
    [InlineData("A brightly lit kitchen with copper pans.")]
    [InlineData("Camera moves slowly toward her.")]
    [InlineData("Heavy boot footsteps echoing on marble floor; footsteps and paper rustle.")]
    [InlineData("The street is beautiful and empty.")]
    public void ConcreteWordingGetsNoAdvice(string text) => AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = text });

    [Fact]
    public void SpokenLinesAreNotChecked() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Dialogue = [new("Woman", "What a beautiful street.")] });

    [Fact]
    public void TheGuidesWeakExamplesAreFound()
    {
        Assert.NotEmpty(_rule.Check(GuideExample.Spec("guide-0591-weak")));
        Assert.NotEmpty(_rule.Check(GuideExample.Spec("guide-1409-example-fix")));
        Assert.NotEmpty(_rule.Check(GuideExample.Spec("guide-1455-example-fix")));
    }

    [Fact]
    public void TheGuidesStrongExamplesAreClean()
    {
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0596-strong"));
        AdviceAssert.None(_rule, GuideExample.Spec("guide-1414-example-fix"));
    }
}
