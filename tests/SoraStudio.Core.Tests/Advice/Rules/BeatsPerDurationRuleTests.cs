using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class BeatsPerDurationRuleTests
{
    private readonly BeatsPerDurationRule _rule = new();

    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(8, 2)]
    [InlineData(8, 4)]
    [InlineData(12, 3)]
    [InlineData(12, 6)]
    public void BeatsWithinTheGuidesRangeGetNoAdvice(int seconds, int beats) =>
        AdviceAssert.None(_rule, (ShotSpec.Empty with { Seconds = seconds }).WithBeats(beats));

    [Fact]
    public void AFourSecondShotWithoutActionsGetsNoAdvice() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0316-simplified-prompt-example") with { Seconds = 4 });

    [Fact]
    public void ATwelveSecondShotWithoutBeatsIsAdvisedAndTheFixOnlyShortensIt()
    {
        var spec = GuideExample.Spec("guide-0316-simplified-prompt-example") with { Seconds = 12 };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal("actions", advice.Field);
        Assert.Contains("No action beats for 12 s: the guide recommends 3–6 beats for 12 s", advice.Message);
        Assert.Equal(spec with { Seconds = 4 }, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void ATwelveSecondExchangeWithoutBeatsIsAdvisedWithoutAFixWhenItsDialogueNeedsTheTime()
    {
        var advice = AdviceAssert.Single(_rule, GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound") with { Seconds = 12 });

        Assert.Contains("No action beats for 12 s", advice.Message);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void FourBeatsInFourSecondsGetAWarningWhoseFixIsEightSeconds()
    {
        var spec = ShotSpec.Empty.WithBeats(4);

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("actions", advice.Field);
        Assert.Contains("1–2 beats for 4 s", advice.Message);
        Assert.Equal(spec with { Seconds = 8 }, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void FiveBeatsInFourSecondsMoveToTwelve()
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty.WithBeats(5));

        Assert.Equal(12, AdviceAssert.FixClears(_rule, advice).Seconds);
    }

    [Fact]
    public void SevenBeatsInTwelveSecondsHaveNoLongerDurationToMoveToUnderTheLaunchLimits()
    {
        var advice = AdviceAssert.Single(new BeatsPerDurationRule(ModelCatalog.Launch), (ShotSpec.Empty with { Seconds = 12 }).WithBeats(7));

        Assert.Null(advice.Fix);
        Assert.Contains("Split the action", advice.Message);
    }

    [Fact]
    public void SevenBeatsInTwelveSecondsCanMoveToALongerClipUnderTheLaterLimits()
    {
        var advice = AdviceAssert.Single(_rule, (ShotSpec.Empty with { Seconds = 12 }).WithBeats(7));

        Assert.NotNull(advice.Fix);
    }

    [Fact]
    public void OneBeatInEightSecondsIsAHintWhoseFixIsFourSeconds()
    {
        var spec = (ShotSpec.Empty with { Seconds = 8 }).WithBeats(1);

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal(spec with { Seconds = 4 }, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void TooFewBeatsForTwelveSecondsMoveToTheLongestDurationThatStillFits()
    {
        var advice = AdviceAssert.Single(_rule, (ShotSpec.Empty with { Seconds = 12 }).WithBeats(2));

        Assert.Equal(8, AdviceAssert.FixClears(_rule, advice).Seconds);
    }

    [Fact]
    public void AShorterDurationIsNotOfferedWhenTheDialogueWouldNotFit()
    {
        var spec = (ShotSpec.Empty with { Seconds = 8 }).WithBeats(1) with
        {
            Dialogue = [new("Detective", "Of all the offices in this town, you had to walk into mine.")],
        };

        Assert.Null(AdviceAssert.Single(_rule, spec).Fix);
    }

    [Fact]
    public void FixesUseOnlyDurationsTheModelAllows()
    {
        var catalog = new ModelCatalog([Model("short-only", 4, 12)]);
        var rule = new BeatsPerDurationRule(catalog);
        var spec = (ShotSpec.Empty with { Model = "short-only" }).WithBeats(3);

        var advice = AdviceAssert.Single(rule, spec);

        Assert.Equal(12, AdviceAssert.FixClears(rule, advice).Seconds);
    }

    [Fact]
    public void AnUnknownModelGetsTheAdviceWithoutAFix() =>
        Assert.Null(AdviceAssert.Single(_rule, (ShotSpec.Empty with { Model = "unknown" }).WithBeats(4)).Fix);

    [Fact]
    public void SpokenLinesInTheActionsAreNotCountedAsBeats()
    {
        var spec = GuideExample.Spec("guide-0290-full-prompt-using-five-part-structure");

        Assert.Equal(5, spec.Actions.Count);
        Assert.Equal(3, ClipBudget.BeatCount(spec));
        Assert.Equal(4, spec.Seconds);
        Assert.Equal(AdviceSeverity.Warning, AdviceAssert.Single(_rule, spec).Severity);
    }

    internal static ModelInfo Model(string id, params int[] seconds) => new()
    {
        Id = id,
        DisplayName = id,
        PricePerSecondBySize = new Dictionary<string, decimal> { ["1280x720"] = 0.1m },
        Seconds = seconds,
    };
}
