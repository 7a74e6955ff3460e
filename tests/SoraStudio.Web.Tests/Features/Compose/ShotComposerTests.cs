using System.Globalization;
using Radzen;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Components.Fields;
using SoraStudio.Web.Features.Compose;
using Bible = SoraStudio.Core.StyleBible.StyleBible;

namespace SoraStudio.Web.Tests.Features.Compose;

public class ShotComposerTests : ComposeTestContext
{
    static readonly ShotSpec Rooftop = PromptParser.Parse(GuideTemplates.All.Single(t => t.Key == "complete").Text);

    IRenderedComponent<ShotComposer> Composer(ShotSpec spec, Action<ShotSpec> changed, Bible? bible = null) =>
        Render<ShotComposer>(p => p.Add(c => c.Spec, spec).Add(c => c.SpecChanged, changed).Add(c => c.Catalog, ModelCatalog.Default)
            .Add(c => c.StyleBible, bible));

    [Fact]
    public void ThePreviewShowsTheExactRenderedPrompt()
    {
        var cut = Composer(Rooftop, _ => { });

        Assert.Equal(PromptRenderer.Render(Rooftop), cut.Find("pre.composer-prompt").TextContent);
        Assert.Contains($"{PromptRenderer.Render(Rooftop).Length:N0} / 32,000 characters", cut.Find("#prompt-length").TextContent);
    }

    [Fact]
    public void TheCostFollowsModelSizeAndDuration()
    {
        var cut = Composer(Rooftop with { Model = "sora-2-pro", Size = "1792x1024", Seconds = 8 }, _ => { });

        var cost = cut.Find(".composer-cost").TextContent;
        Assert.Contains("$4.00 per take", cost);
        Assert.Contains("8 s at $0.50/s · 1 variation $4.00", cost);
    }

    [Fact]
    public void TypingUpdatesTheSpecAndThePreviewAtOnce()
    {
        var spec = ShotSpec.Empty;
        var cut = Composer(spec, s => spec = s);

        cut.FindByLabelText("Style").Input("16mm black-and-white");

        Assert.Equal("16mm black-and-white", spec.Style);
        Assert.Equal(PromptRenderer.Render(spec), cut.Find("pre.composer-prompt").TextContent);
    }

    [Fact]
    public void ApplyingAnAdviceFixRaisesTheCorrectedSpec()
    {
        var tooManyBeats = Rooftop with { Seconds = 4 };
        var spec = tooManyBeats;
        var cut = Composer(spec, s => spec = s);

        var fix = cut.Find(".composer-advice").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Make it 8 s");
        fix.Click();

        Assert.Equal(tooManyBeats with { Seconds = 8 }, spec);
    }

    [Fact]
    public void AdviceAlsoAppearsBesideItsSection()
    {
        var cut = Composer(Rooftop with { Seconds = 4 }, _ => { });

        var actions = cut.FindComponent<ActionsSection>();
        Assert.Contains("action beats is a lot for 4 s", actions.Markup);
        Assert.DoesNotContain("action beats is a lot", cut.FindComponent<StyleSection>().Markup);
    }

    [Fact]
    public void AnEmptyShotShowsTheValidatorsError()
    {
        var cut = Composer(ShotSpec.Empty, _ => { });

        Assert.Contains("The prompt is empty: describe the shot.", cut.Find(".composer-advice").TextContent);
        Assert.Contains("Nothing to send yet", cut.Find(".composer-preview").TextContent);
    }

    [Fact]
    public void APromptOverTheApisLimitGetsAClearLengthError()
    {
        var spec = ShotSpec.Empty;
        var cut = Composer(spec, s => spec = s);

        cut.FindByLabelText("Scene description").Input(new string('a', 100_000));

        Assert.Contains("The prompt must be at most 32,000 characters; it has 100,000.", cut.Find(".composer-advice").TextContent);
        Assert.Contains("composer-count--over", cut.Find("#prompt-length").ClassName);
    }

    [Fact]
    public void AFieldTakesAtMostWhatOneMessageToTheServerCarriesAndSaysWhenAPasteWasCut()
    {
        var spec = ShotSpec.Empty;
        var cut = Composer(spec, s => spec = s);
        var scene = cut.FindByLabelText("Scene description");
        Assert.Equal(FieldLimits.Characters.ToString(CultureInfo.InvariantCulture), scene.GetAttribute("maxlength"));

        scene.Input(new string('a', FieldLimits.Characters));

        Assert.Contains("Cut at 32,000 characters", cut.FindComponent<SceneSection>().Markup);
        Assert.DoesNotContain("Cut at", cut.FindComponent<StyleSection>().Markup);
    }

    [Fact]
    public async Task TheFormsValidatorFeedsTheEditContext()
    {
        var cut = Composer(ShotSpec.Empty with { Model = "sora-9" }, _ => { });

        var context = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.EditForm>().Instance.EditContext!;
        Assert.False(await cut.InvokeAsync(context.Validate));
        Assert.Contains(context.GetValidationMessages(), m => m.Contains("“sora-9” is not in the catalog"));
    }

    [Fact]
    public void StyleBibleValuesAreMarkedAndCanBeOverridden()
    {
        var bible = new Bible { Style = "1940s film noir, 35mm film", PaletteAnchors = ["charcoal", "gold"] };
        var spec = ShotSpec.Empty with { Scene = "A detective looks up." };
        var cut = Composer(spec, s => spec = s, bible);

        Assert.StartsWith("Style: 1940s film noir, 35mm film", cut.Find("pre.composer-prompt").TextContent);
        var style = cut.FindComponent<StyleSection>();
        Assert.Contains("From the style bible: “1940s film noir, 35mm film”", style.Markup);

        style.FindAll("button").Single(b => b.TextContent.Trim() == "Override").Click();

        Assert.Equal("1940s film noir, 35mm film", spec.Style);
        Assert.Empty(spec.Cinematography.PaletteAnchors);
    }

    [Fact]
    public void ASceneTheUserWroteIsNotMarkedInheritedAndTheCharactersAreNeverCopiedIntoIt()
    {
        var bible = new Bible { Characters = [new SoraStudio.Core.StyleBible.BibleCharacter("Mara", "a keeper in a yellow oilskin")] };
        var spec = ShotSpec.Empty with { Scene = "Mara climbs the stairs" };
        var cut = Composer(spec, s => spec = s, bible);

        Assert.Contains("Mara climbs the stairs. Mara: a keeper in a yellow oilskin.", cut.Find("pre.composer-prompt").TextContent);
        var scene = cut.FindComponent<SceneSection>();
        Assert.DoesNotContain("From the style bible", scene.Markup);
        Assert.DoesNotContain("Inherited", scene.Markup);
        Assert.Contains("When sent, the style bible adds to your scene: “Mara: a keeper in a yellow oilskin.”", scene.Markup);
        Assert.DoesNotContain(scene.FindAll("button"), b => b.TextContent.Trim() == "Override");
        Assert.Equal("Mara climbs the stairs", spec.Scene);
    }

    [Fact]
    public void OverridingASceneFromTheSettingCopiesTheSettingWithoutTheCharacters()
    {
        var bible = new Bible { Setting = "A lighthouse on a cliff at dusk.", Characters = [new SoraStudio.Core.StyleBible.BibleCharacter("Mara", "a keeper in a yellow oilskin")] };
        var spec = ShotSpec.Empty with { Actions = [new Beat("Mara lights the lamp.")] };
        var cut = Composer(spec, s => spec = s, bible);

        cut.FindComponent<SceneSection>().FindAll("button").Single(b => b.TextContent.Trim() == "Override").Click();

        Assert.Equal("A lighthouse on a cliff at dusk.", spec.Scene);
    }

    [Fact]
    public void ContinuityWithThePreviousShotIsWarned()
    {
        var previous = ShotSpec.Empty with { Scene = "Shot one.", Cinematography = new() { PaletteAnchors = ["amber", "cream"] } };
        var cut = Render<ShotComposer>(p => p.Add(c => c.Spec, ShotSpec.Empty with { Scene = "Shot two." })
            .Add(c => c.Catalog, ModelCatalog.Default).Add(c => c.PreviousShot, previous));

        Assert.Contains("has no palette anchors; repeat the previous shot's amber, cream", cut.FindComponent<CinematographySection>().Markup);
    }

    [Fact]
    public void EveryFieldIsFindableByItsLabel()
    {
        var cut = Composer(PromptParser.Parse(GuideTemplates.All.Single(t => t.Key == "commuter").Text) with
        {
            Actions = [new("She spins.")],
            Dialogue = [new("Woman", "See?")],
        }, _ => { });

        var fields = cut.FindAll("input:not([type=hidden]), textarea")
            .Where(e => e.GetAttribute("aria-hidden") != "true" && !e.ClassList.Contains("rz-helper-hidden-accessible"))
            .ToList();
        Assert.NotEmpty(fields);
        var unlabelled = fields.Where(f =>
            !(f.Id is { Length: > 0 } id && cut.FindAll($"label[for='{id}']").Any(l => l.TextContent.Trim().Length > 0))
            && string.IsNullOrWhiteSpace(f.GetAttribute("aria-label"))
            && string.IsNullOrWhiteSpace(f.GetAttribute("aria-labelledby")));
        Assert.Empty(unlabelled.Select(f => f.OuterHtml));
    }
}
