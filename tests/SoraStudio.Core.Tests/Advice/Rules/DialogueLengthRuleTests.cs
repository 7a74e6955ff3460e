using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class DialogueLengthRuleTests
{
    private const string TooLong = "I've been thinking about what you said yesterday, and I believe you're absolutely right about everything.";

    private readonly DialogueLengthRule _rule = new();

    [Fact]
    public void TheGuidesAppropriateFourSecondLineGetsNoAdvice() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Dialogue = [new("Character", "You're right.")] });

    [Fact]
    public void NoDialogueGetsNoAdvice() => AdviceAssert.None(_rule, ShotSpec.Empty);

    [Fact]
    public void TheGuidesTooLongFourSecondLineGetsAWarningNamingTheBudget()
    {
        var spec = ShotSpec.Empty with { Dialogue = [new("Character", TooLong)] };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("dialogue", advice.Field);
        Assert.Contains("3 words per second", advice.Message);
        Assert.Contains("about 12 words", advice.Message);
        Assert.Equal(spec with { Seconds = 8 }, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void ThreeShortLinesInFourSecondsAreTooManyLines()
    {
        var spec = ShotSpec.Empty with { Dialogue = [new("A", "Hi."), new("B", "Hey."), new("A", "Bye.")] };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(8, AdviceAssert.FixClears(_rule, advice).Seconds);
    }

    [Fact]
    public void TheGuidesTwelveSecondNarrationFits()
    {
        var spec = GuideExample.Spec("guide-2143-episode-ancient-rome-colosseum-scene");

        Assert.Equal(12, spec.Seconds);
        AdviceAssert.None(_rule, spec);
    }

    [Fact]
    public void DialogueTooLongForTwelveSecondsHasNoFixUnderTheLaunchLimits()
    {
        var spec = ShotSpec.Empty with { Seconds = 12, Dialogue = [new("A", TooLong), new("B", TooLong), new("A", TooLong)] };

        var advice = AdviceAssert.Single(new DialogueLengthRule(ModelCatalog.Launch), spec);

        Assert.Null(advice.Fix);
        Assert.Contains("Shorten the lines", advice.Message);
    }

    [Fact]
    public void SpokenLinesInTheActionsCount()
    {
        var spec = ShotSpec.Empty with { Actions = [new($"Man: \"{TooLong}\"")] };

        Assert.Equal("dialogue", AdviceAssert.Single(_rule, spec).Field);
    }

    [Fact]
    public void TheFixSkipsDurationsTheModelDoesNotAllow()
    {
        var rule = new DialogueLengthRule(new ModelCatalog([BeatsPerDurationRuleTests.Model("m", 4, 12)]));
        var spec = ShotSpec.Empty with { Model = "m", Dialogue = [new("Character", TooLong)] };

        Assert.Equal(12, AdviceAssert.FixClears(rule, AdviceAssert.Single(rule, spec)).Seconds);
    }
}
