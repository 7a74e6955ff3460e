using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class NoStyleRuleTests
{
    private readonly NoStyleRule _rule = new();

    [Fact]
    public void AShotWithoutStyleGetsAHint()
    {
        var advice = AdviceAssert.Single(_rule, ShotSpec.Empty with { Scene = "A person in a room.", Style = "  " });

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal("style", advice.Field);
        Assert.Null(advice.Fix);
    }

    [Fact]
    public void AStyledShotGetsNoAdvice() => AdviceAssert.None(_rule, ShotSpec.Empty with { Style = "16mm black-and-white film" });

    [Fact]
    public void AnUltraDetailedFormatAndLookCountsAsStyle() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Ultra = new() { FormatAndLook = "Duration 4s; 180° shutter; digital capture emulating 65mm." } });

    [Fact]
    public void TheGuidesFivePartExampleHasAStyle() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0290-full-prompt-using-five-part-structure"));
}
