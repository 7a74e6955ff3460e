using SoraStudio.Core.Catalog;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Tests.Validation;

public class ShotSpecValidatorTests
{
    private static readonly ShotSpecValidator Validator = new();

    private static readonly ShotSpec Valid = ShotSpec.Empty with { Scene = "Rain on a window." };

    private static Dictionary<string, string> Errors(ShotSpec spec, ShotSpecValidator? validator = null) =>
        (validator ?? Validator).Validate(spec).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

    [Fact]
    public void AValidShotHasNoErrors() => Assert.Empty(Errors(Valid));

    [Theory]
    [InlineData("sora-2", "1280x720", 4)]
    [InlineData("sora-2", "720x1280", 12)]
    [InlineData("sora-2-pro", "1792x1024", 12)]
    [InlineData("sora-2-pro", "1024x1792", 8)]
    public void EveryCombinationTheCatalogAllowsIsValid(string model, string size, int seconds) =>
        Assert.Empty(Errors(Valid with { Model = model, Size = size, Seconds = seconds }));

    [Fact]
    public void AnUnknownModelListsTheCatalogsModels()
    {
        var errors = Errors(Valid with { Model = "sora-3" });

        Assert.StartsWith("Model must be one of sora-2, sora-2-pro", errors["model"]);
        Assert.Single(errors);
    }

    [Fact]
    public void SecondsTheModelDoesNotAllowAreAnError() =>
        Assert.Equal("Seconds must be one of 4, 8, 12, 16, 20 for sora-2.", Errors(Valid with { Seconds = 10 })["seconds"]);

    [Fact]
    public void TheLaterGuideAllowsTwentySecondsAnd1080pOnProOnly()
    {
        Assert.Empty(Errors(Valid with { Model = "sora-2-pro", Size = "1920x1080", Seconds = 20 }));
        Assert.Contains("size", Errors(Valid with { Model = "sora-2", Size = "1920x1080" }).Keys);
        Assert.Contains("size", Errors(Valid with { Model = "sora-2-pro", Size = "1920x1080" }, new ShotSpecValidator(ModelCatalog.Launch)).Keys);
    }

    [Fact]
    public void AProSizeOnSora2IsAnError() =>
        Assert.Equal("Size must be one of 1280x720, 720x1280 for sora-2.", Errors(Valid with { Size = "1792x1024" })["size"]);

    [Fact]
    public void AnEmptyPromptIsAnError() =>
        Assert.Equal("The prompt is empty: describe the shot.", Errors(ShotSpec.Empty)["prompt"]);

    [Fact]
    public void APromptOfExactly32000CharactersIsValidAndOneMoreIsNot()
    {
        var atLimit = Valid with { Scene = new string('a', 32_000) };
        Assert.Equal(32_000, PromptRenderer.Render(atLimit).Length);
        Assert.Empty(Errors(atLimit));

        var error = Errors(Valid with { Scene = new string('a', 32_001) })["prompt"];
        Assert.Equal("The prompt must be at most 32,000 characters; it has 32,001.", error);
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    [InlineData("IMAGE/PNG")]
    public void JpegPngAndWebpReferenceImagesOfTheRightSizeAreValid(string type) =>
        Assert.Empty(Errors(Valid with { ReferenceImage = new("first", type, 1280, 720) }));

    [Fact]
    public void AGifReferenceImageListsTheAllowedTypes() =>
        Assert.Equal("Reference image must be one of image/jpeg, image/png, image/webp; it is “image/gif”.",
            Errors(Valid with { ReferenceImage = new("a.gif", "image/gif", 1280, 720) })["referenceImage.contentType"]);

    [Fact]
    public void AReferenceImageMustMatchTheSizeExactly()
    {
        var errors = Errors(Valid with { ReferenceImage = new("a.png", "image/png", 1024, 720) });

        Assert.Equal("Reference image width must be 1280 to match the size 1280x720; it is 1024.", errors["referenceImage.width"]);
        Assert.False(errors.ContainsKey("referenceImage.height"));

        var turned = Errors(Valid with { Size = "720x1280", ReferenceImage = new("a.png", "image/png", 1280, 720) });
        Assert.Contains("must be 720", turned["referenceImage.width"]);
        Assert.Contains("must be 1280", turned["referenceImage.height"]);
    }

    [Fact]
    public void AModelWithoutReferenceImagesRejectsOne()
    {
        var catalog = new ModelCatalog([ModelCatalog.Default.Find("sora-2")! with { SupportsReferenceImage = false }]);

        var errors = Errors(Valid with { ReferenceImage = new("a.png", "image/png", 1280, 720) }, new ShotSpecValidator(catalog));

        Assert.Equal("sora-2 does not accept a reference image.", errors["referenceImage"]);
        Assert.Empty(Errors(Valid, new ShotSpecValidator(catalog)));
    }

    [Fact]
    public void AConfiguredCatalogDecidesTheAllowedValues()
    {
        var catalog = ModelCatalog.FromOptions([new() { Id = "other", PricePerSecondBySize = new() { ["1920x1080"] = 1m }, Seconds = [16, 20] }]);
        var validator = new ShotSpecValidator(catalog);

        Assert.Empty(Errors(Valid with { Model = "other", Size = "1920x1080", Seconds = 20 }, validator));
        Assert.Equal("Seconds must be one of 16, 20 for other.", Errors(Valid with { Model = "other", Size = "1920x1080" }, validator)["seconds"]);
    }

    [Fact]
    public void AnUnparsableSizeIsReportedOnceAndTheImageSizeIsNotChecked()
    {
        var errors = Errors(Valid with { Size = "wide", ReferenceImage = new("a.png", "image/png", 1280, 720) });

        Assert.Equal(["size"], errors.Keys);
    }

    [Fact]
    public void ANullSizeFromJsonIsAnErrorNotACrash() =>
        Assert.StartsWith("Size must be one of", Errors(SpecJson.Deserialize("""{"scene":"Rain.","size":null}"""))["size"]);

    [Fact]
    public void ABeatWithATimeButNoActionAndALineWithASpeakerButNoWordsAreErrors()
    {
        var errors = Errors(Valid with
        {
            Actions = [new("She turns."), new("", 2, 3)],
            Dialogue = [new("Detective", "  "), new("", "", "whispering")],
        });

        Assert.Equal("Beat 2 has a time but no action: describe what happens, or remove the beat.", errors["actions[1].text"]);
        Assert.Equal("Line 1 gives Detective nothing to say: write the words, or remove the line.", errors["dialogue[0].text"]);
        Assert.Equal("Line 2 has a delivery but no words: write the words, or remove the line.", errors["dialogue[1].text"]);
    }

    [Fact]
    public void EmptyBeatsAndDialogueLinesAreNoErrorsButAShotOfOnlyThoseHasAnEmptyPrompt()
    {
        Assert.Empty(Errors(Valid with { Actions = [new("")], Dialogue = [new("", "")] }));
        Assert.Equal("The prompt is empty: describe the shot.", Errors(ShotSpec.Empty with { Actions = [new("")], Dialogue = [new("", "")] })["prompt"]);
    }
}
