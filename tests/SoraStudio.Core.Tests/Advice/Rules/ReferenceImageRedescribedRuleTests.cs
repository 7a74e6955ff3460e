using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class ReferenceImageRedescribedRuleTests
{
    private static readonly ReferenceImage Portrait = new("portrait.png", "image/png", 1280, 720);

    private readonly ReferenceImageRedescribedRule _rule = new();

    private static ShotSpec WithImage(string scene, ReferenceImage? image = null) =>
        ShotSpec.Empty with { ReferenceImage = image ?? Portrait, Scene = scene };

    [Fact]
    public void TheGuidesDontExampleGetsAWarning()
    {
        var advice = AdviceAssert.Single(_rule, WithImage(GuideExample.Text("guide-0838-describe-the-action-not-the-image").Split('\n')[1].Replace("Prompt: ", "").Trim('"')));

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("scene", advice.Field);
        Assert.Contains("in a blue jacket", advice.Message);
    }

    [Fact]
    public void TheGuidesDoExampleGetsNoAdvice() =>
        AdviceAssert.None(_rule, WithImage("She turns around and smiles, then slowly walks out of the frame"));

    [Theory]
    [InlineData("A young woman with red curly hair turns to the camera.")]
    [InlineData("She turns, wearing a brown leather jacket.")]
    [InlineData("The light fades. A detective sits behind the desk.")]
    public void AppearanceOrAStaticIntroductionIsReDescription(string scene) => AdviceAssert.Single(_rule, WithImage(scene));

    [Fact]
    public void WordsOfTheImagesFileNameRepeatedInTheSceneAreReDescription()
    {
        var image = new ReferenceImage("cozy-coffee-shop_interior.webp", "image/webp", 1280, 720);

        Assert.Contains("coffee", AdviceAssert.Single(_rule, WithImage("The cozy coffee shop hums; a barista looks up.", image)).Message);
        AdviceAssert.None(_rule, WithImage("Camera slowly pans across the room, revealing customers at tables.", image));
    }

    [Theory]
    [InlineData("She sits at her desk, picks up a file, opens it and reads. Looks up with concern.")]
    [InlineData("Camera slowly pans across the detective office. The detective enters frame from the right and sits at the desk.")]
    [InlineData("The watch screen illuminates, showing the time, then the camera slowly orbits around it.")]
    public void TheGuidesImageToVideoPromptsGetNoAdvice(string scene) => AdviceAssert.None(_rule, WithImage(scene));

    [Fact]
    public void WithoutAReferenceImageDescriptionIsWelcome() =>
        AdviceAssert.None(_rule, ShotSpec.Empty with { Scene = "A woman in a blue jacket stands in a room." });
}
