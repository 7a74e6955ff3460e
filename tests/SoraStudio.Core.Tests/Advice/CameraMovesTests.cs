using SoraStudio.Core.Advice;
using Terms = SoraStudio.Core.Vocabulary.Vocabulary;

namespace SoraStudio.Core.Tests.Advice;

public class CameraMovesTests
{
    [Theory]
    [InlineData("slow push-in toward character's face", CameraMoves.PushIn)]
    [InlineData("slow dolly-in from eye level", CameraMoves.PushIn)]
    [InlineData("slow dolly forward, starting wide and ending on close-up", CameraMoves.PushIn)]
    [InlineData("slow pull-out revealing the empty room", CameraMoves.PullOut)]
    [InlineData("tracking left to right with the character walking", CameraMoves.Tracking)]
    [InlineData("slowly panning across the cityscape", CameraMoves.Pan)]
    [InlineData("whip pan to the door", CameraMoves.Pan)]
    [InlineData("slowly tilting camera up the skyscraper", CameraMoves.Tilt)]
    [InlineData("handheld ENG camera following the action", CameraMoves.Handheld)]
    [InlineData("crane shot ascending to reveal the landscape", CameraMoves.Crane)]
    [InlineData("slow arc around the character", CameraMoves.Orbit)]
    [InlineData("slow rotation around watch", CameraMoves.Orbit)]
    [InlineData("slow zoom in", CameraMoves.Zoom)]
    [InlineData("dolly zoom on her face", CameraMoves.Zoom)]
    public void NamesTheMoveInACameraField(string text, string kind) =>
        Assert.Equal([kind], CameraMoves.InCameraField(text).Select(m => m.Kind));

    [Fact]
    public void EveryMovingTermOfTheVocabularyIsDetected()
    {
        foreach (var term in Terms.CameraMovements.Where(t => t.Term != "Static"))
            Assert.NotEmpty(CameraMoves.InCameraField(term.Example));
        Assert.Empty(CameraMoves.InCameraField(Terms.CameraMovements.Single(t => t.Term == "Static").Example));
    }

    [Theory]
    [InlineData("medium shot, static, eye level")]
    [InlineData("medium shot, Dutch tilt")]
    [InlineData("close-up, shallow depth of field")]
    public void StillFramingHasNoMove(string text) => Assert.Empty(CameraMoves.InCameraField(text));

    [Theory]
    [InlineData("Camera slowly pushes in as golden sunlight breaks over the horizon.", CameraMoves.PushIn)]
    [InlineData("Camera tracks with the runner's arm movement.", CameraMoves.Tracking)]
    [InlineData("Camera slowly tilts up to reveal the scale.", CameraMoves.Tilt)]
    [InlineData("Slow dolly shot moving toward a sleek smartwatch.", CameraMoves.Dolly)]
    [InlineData("Tracking shot following character through crowded market.", CameraMoves.Tracking)]
    [InlineData("Camera slowly orbits clockwise around the subject.", CameraMoves.Orbit)]
    public void NamesTheMoveInProseWhenTheCameraMakesIt(string text, string kind) =>
        Assert.Equal([kind], CameraMoves.InProse(text).Select(m => m.Kind).Distinct());

    [Theory]
    [InlineData("The character slowly turns toward the window, pauses, then gently pulls back the curtain.")]
    [InlineData("She tilts her head toward the camera and smiles.")]
    [InlineData("He flips pancakes in a hot pan.")]
    [InlineData("Cars zoom past the crosswalk.")]
    [InlineData("A crane lifts steel beams over the harbour.")]
    [InlineData("The story's arc bends toward home.")]
    [InlineData("Watch display shows active workout data; beep sound as watch tracks milestone.")]
    public void OrdinaryProseIsNotACameraMove(string text) => Assert.Empty(CameraMoves.InProse(text));

    [Fact]
    public void TheGuidesComplexMoveNamesThreeKinds()
    {
        var moves = CameraMoves.InProse("Camera dollies in while panning left and tilting up as character spins and jumps");

        Assert.Equal([CameraMoves.PushIn, CameraMoves.Pan, CameraMoves.Tilt], CameraMoves.DistinctKinds(moves.Select(m => m.Kind)));
    }

    [Fact]
    public void APlainDollyIsTheSameMoveAsADirectedOne() =>
        Assert.Equal([CameraMoves.PushIn], CameraMoves.DistinctKinds([CameraMoves.Dolly, CameraMoves.PushIn, CameraMoves.Dolly]));
}
