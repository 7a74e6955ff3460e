using Microsoft.AspNetCore.Components.Web;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Components.Fields;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.Components;

public class PaletteAnchorsFieldTests : ComposeTestContext
{
    ValueList<string> anchors = ["amber"];

    IRenderedComponent<PaletteAnchorsField> Field() =>
        Render<PaletteAnchorsField>(p => p.Add(f => f.Value, anchors).Add(f => f.ValueChanged, v => anchors = v));

    [Fact]
    public void EnterAddsTheTypedAnchorAndEmptiesTheField()
    {
        var field = Field();

        field.FindByLabelText("Palette anchor").Input("teal ");
        field.FindByLabelText("Palette anchor").KeyDown(new KeyboardEventArgs { Key = "Enter", Code = "Enter" });

        // The browser then commits the field (a change event with the text it still shows): it stays empty.
        field.FindByLabelText("Palette anchor").Change("teal ");

        Assert.Equal(["amber", "teal"], anchors);
        Assert.Equal("", field.FindByLabelText("Palette anchor").GetAttribute("value") ?? "");
    }

    [Fact]
    public void OtherKeysAddNothingAndNeitherDoesEnterOnAnEmptyFieldOrAKnownAnchor()
    {
        var field = Field();

        field.FindByLabelText("Palette anchor").Input("te");
        field.FindByLabelText("Palette anchor").KeyDown(new KeyboardEventArgs { Key = "a", Code = "KeyA" });
        Assert.Equal(["amber"], anchors);

        field.FindByLabelText("Palette anchor").Input("amber");
        field.FindByLabelText("Palette anchor").KeyDown(new KeyboardEventArgs { Key = "Enter", Code = "Enter" });
        field.FindByLabelText("Palette anchor").KeyDown(new KeyboardEventArgs { Key = "Enter", Code = "Enter" });
        Assert.Equal(["amber"], anchors);
    }

    [Fact]
    public void TheColoursOfThePresetsAreSuggested()
    {
        var field = Field();

        var list = field.FindByLabelText("Palette anchor").GetAttribute("list");

        Assert.Contains(field.FindAll($"datalist#{list} option"), o => o.GetAttribute("value") == "amber");
    }
}
