using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class ShorterClipsRuleTests
{
    private readonly ShorterClipsRule _rule = new();

    [Fact]
    public void ATwelveSecondShotWithFiveBeatsGetsAHintToSplit()
    {
        var advice = AdviceAssert.Single(_rule, (ShotSpec.Empty with { Seconds = 12 }).WithBeats(5));

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal("seconds", advice.Field);
        Assert.Contains("Shorter clips follow instructions more reliably", advice.Message);
        Assert.Contains("splitting it into 4 s shots", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void ComplexActionInAnEightSecondShotIsFixedByFourSecondsWhenItFits()
    {
        var spec = ShotSpec.Empty with { Seconds = 8, Actions = [new("Character performs elaborate dance routine")] };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Contains("elaborate", advice.Message);
        Assert.Equal(spec with { Seconds = 4 }, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void AFourSecondShotIsAlreadyShort() =>
        AdviceAssert.None(_rule, ShotSpec.Empty.WithBeats(5) with { Actions = [new("Rapid action sequences with many movements")] });

    [Theory]
    [InlineData(8, 2)]
    [InlineData(12, 3)]
    public void FewSimpleBeatsGetNoHint(int seconds, int beats) =>
        AdviceAssert.None(_rule, (ShotSpec.Empty with { Seconds = seconds }).WithBeats(beats));

    [Fact]
    public void TheGuidesSimpleActionsAreNotComplex() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with
        {
            Seconds = 8,
            Actions = [new("Person picks up coffee cup and takes a sip"), new("Character waves and smiles")],
        });
}
