using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class NoCameraRuleTests
{
    private readonly NoCameraRule _rule = new();

    [Fact]
    public void TheGuidesInterrogationSceneAtTwelveSecondsHasNoCameraAndIsAdvised()
    {
        var advice = AdviceAssert.Single(_rule, GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound") with { Seconds = 12 });

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Equal("cinematography.cameraShot", advice.Field);
        Assert.Null(advice.Fix);
    }

    [Theory]
    [InlineData("guide-0290-full-prompt-using-five-part-structure")]
    [InlineData("guide-1214-urban-commuter-platform-scene")]
    [InlineData("guide-0818-step-2-animate-with-sora-2")]
    public void AShotThatDirectsTheCameraAnywhereGetsNoAdvice(string example) =>
        AdviceAssert.None(_rule, GuideExample.Spec(example));

    [Fact]
    public void AnAngleAloneIsCameraDirection() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = "Rain.", Cinematography = new() { Angle = "low angle" } });
}
