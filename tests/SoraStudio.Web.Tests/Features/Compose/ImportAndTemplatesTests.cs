using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Components.Fields;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

public class ImportAndTemplatesTests : ComposeTestContext
{
    const string Pasted = """
        Style: 16mm black-and-white documentary.

        An old Swedish man sits in a study.

        Actions:
        - He looks up at the camera.

        Dialogue:
        - Old man: "I still remember when I was young."
        """;


    [Fact]
    public void PastedTextIsShownAsTheSectionsItWasReadInto()
    {
        var cut = Render<ImportPromptDialog>(p => p.Add(d => d.Current, ShotSpec.Empty));
        Assert.Contains("Nothing pasted yet", cut.Markup);

        cut.FindByLabelText("Prompt text").Input(Pasted);

        var outline = cut.Find(".composer-parsed");
        Assert.Equal(["Generation", "Style", "Scene", "Actions", "Dialogue"], outline.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Contains("Old man: “I still remember when I was young.”", outline.TextContent);
    }

    [Fact]
    public void AcceptingAnImportRaisesTheParsedSpecWithTheCurrentGenerationSettings()
    {
        var current = ShotSpec.Empty with { Model = "sora-2-pro", Size = "1792x1024", Seconds = 8 };
        ShotSpec? result = null;
        var cut = Render<ImportPromptDialog>(p => p.Add(d => d.Current, current).Add(d => d.OnAccept, s => result = s));

        cut.FindByLabelText("Prompt text").Input(Pasted);
        Button(cut, "Replace the shot").Click();

        Assert.Equal(PromptParser.Parse(Pasted, current), result);
        Assert.Equal(("sora-2-pro", "1792x1024", 8), (result!.Model, result.Size, result.Seconds));
    }

    [Fact]
    public void AWholeLengthUltraDetailedPromptIsAcceptedWhole()
    {
        var template = GuideTemplates.All.Single(t => t.Key == "commuter").Text;
        var prompt = template + "\n\nFinishing\n" + string.Concat(Enumerable.Repeat("Fine grain. ", (TextLimits.Prompt - template.Length - 20) / 12));
        Assert.InRange(prompt.Length, TextLimits.Prompt - 32, TextLimits.Prompt);
        ShotSpec? result = null;
        var cut = Render<ImportPromptDialog>(p => p.Add(d => d.Current, ShotSpec.Empty).Add(d => d.OnAccept, s => result = s));

        cut.FindByLabelText("Prompt text").Input(prompt);
        Button(cut, "Replace the shot").Click();

        Assert.Equal(PromptParser.Parse(prompt, ShotSpec.Empty), result);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void AnOverLongPasteSaysExactlyWhatDoesNotFitAndReplacesNothing()
    {
        var cut = Render<ImportPromptDialog>(p => p.Add(d => d.Current, ShotSpec.Empty));
        Assert.Equal(FieldLimits.Import.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.FindByLabelText("Prompt text").GetAttribute("maxlength"));

        cut.FindByLabelText("Prompt text").Input(new string('x', 33_500));

        var alert = cut.Find("[role=alert]").TextContent;
        Assert.Contains("Prompt: The pasted text has 33,500 characters, 1,500 more than a prompt holds (32,000).", alert);
        Assert.Contains("Scene: At most 32,000 characters; this has 33,500.", alert);
        Assert.True(Button(cut, "Replace the shot").HasAttribute("disabled"));
    }

    [Fact]
    public void NothingCanBeAcceptedBeforeTextIsPasted()
    {
        var cut = Render<ImportPromptDialog>(p => p.Add(d => d.Current, ShotSpec.Empty));

        Assert.True(Button(cut, "Replace the shot").HasAttribute("disabled"));
    }

    [Fact]
    public void ChoosingATemplateParsesItIntoASpec()
    {
        ShotSpec? result = null;
        var cut = Render<TemplatesGallery>(p => p.Add(d => d.Current, ShotSpec.Empty).Add(d => d.OnChoose, s => result = s));

        Button(cut, "Use Commuter platform (ultra-detailed)").Click();

        var template = GuideTemplates.All.Single(t => t.Key == "commuter");
        Assert.Equal(PromptParser.Parse(template.Text, ShotSpec.Empty), result);
        Assert.Equal(2, result!.Ultra.ShotList.Count);
    }

    [Fact]
    public void TheGalleryShowsEachTemplatesTextVerbatim()
    {
        var cut = Render<TemplatesGallery>(p => p.Add(d => d.Current, ShotSpec.Empty));

        Assert.Equal(GuideTemplates.All.Select(t => t.Text), cut.FindAll("pre.composer-template__text").Select(p => p.TextContent));
    }
}
