using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class CameraMovesRuleTests
{
    private readonly CameraMovesRule _rule = new();

    private static ShotSpec WithMovement(string movement) =>
        ShotSpec.Empty with { Cinematography = new() { Movement = movement } };

    [Theory]
    [InlineData("slow push-in toward character's face")]
    [InlineData("static")]
    [InlineData("")]
    public void OneMoveOrNoneGetsNoAdvice(string movement) => AdviceAssert.None(_rule, WithMovement(movement));

    [Fact]
    public void TheSameMoveNamedInTheCameraAndTheSceneIsOneMove()
    {
        var spec = WithMovement("slow push-in") with { Scene = "Camera slowly pushes in as golden sunlight breaks over the horizon." };

        AdviceAssert.None(_rule, spec);
    }

    [Fact]
    public void TheGuidesComplexMoveGetsAWarningWhoseFixKeepsTheFirstMove()
    {
        var spec = WithMovement("slow dolly-in while panning left and tilting up");

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("cinematography.movement", advice.Field);
        Assert.Contains("push-in, pan, tilt", advice.Message);
        Assert.Equal("slow dolly-in", AdviceAssert.FixClears(_rule, advice).Cinematography.Movement);
    }

    [Fact]
    public void AMoveInTheActionsThatDiffersFromTheCameraFieldIsDroppedByTheFix()
    {
        var spec = WithMovement("slow push-in") with
        {
            Actions = [new("She turns to the window."), new("Camera pans left across the room."), new("She smiles, camera tilts up.")],
        };

        var advice = AdviceAssert.Single(_rule, spec);
        var fixedSpec = AdviceAssert.FixClears(_rule, advice);

        Assert.Equal("slow push-in", fixedSpec.Cinematography.Movement);
        Assert.Equal(["She turns to the window.", "She smiles."], fixedSpec.Actions.Select(b => b.Text));
    }

    [Fact]
    public void FramingAndMovementFieldsAreReadTogether()
    {
        var spec = ShotSpec.Empty with { Cinematography = new() { CameraShot = "wide shot, crane up", Movement = "slow pan right" } };

        var fixedSpec = AdviceAssert.FixClears(_rule, AdviceAssert.Single(_rule, spec));

        Assert.Equal("wide shot, crane up", fixedSpec.Cinematography.CameraShot);
        Assert.Equal("", fixedSpec.Cinematography.Movement);
    }

    [Fact]
    public void TheFixLeavesTheRestOfTheShotAlone()
    {
        var spec = WithMovement("tracking shot, then zoom in") with { Style = "16mm black-and-white film", Scene = "A quiet street." };

        var fixedSpec = AdviceAssert.FixClears(_rule, AdviceAssert.Single(_rule, spec));

        Assert.Equal(spec with { Cinematography = new() { Movement = "tracking shot" } }, fixedSpec);
    }

    [Fact]
    public void ActionsThatMoveTheSubjectNotTheCameraAreNotMoves()
    {
        var spec = WithMovement("static camera") with
        {
            Actions = [new("Actor takes four steps to the window, pauses, and pulls back the curtain."), new("She tilts her head.")],
        };

        AdviceAssert.None(_rule, spec);
    }

    [Fact]
    public void TheGuidesHeroVideoDollyAndPushInAreOneMove() =>
        AdviceAssert.None(_rule, GuideExample.Spec("guide-1942-hero-video-website"));
}
