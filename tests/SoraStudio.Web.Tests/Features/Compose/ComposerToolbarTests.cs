using Radzen.Blazor;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

/// <summary>"Start from the guide" and "Import prompt" replace a shot only when asked twice, and the last replace can be undone.</summary>
public class ComposerToolbarTests : ComposeTestContext
{
    static readonly ShotSpec Written = ShotSpec.Empty with { Style = "Super 8, grain", Scene = "A keeper climbs the stairs." };
    static readonly GuideTemplate Commuter = GuideTemplates.All.Single(t => t.Key == "commuter");

    readonly List<ShotSpec> chosen = [];
    IRenderedComponent<RadzenDialog> dialogs = null!;

    IRenderedComponent<ComposerToolbar> Toolbar(ShotSpec current)
    {
        dialogs = Render<RadzenDialog>();
        return Render<ComposerToolbar>(p => p.Add(t => t.Current, current).Add(t => t.OnSpecChosen, s => chosen.Add(s)));
    }

    void ChooseTheCommuterTemplate(IRenderedComponent<ComposerToolbar> toolbar)
    {
        Button(toolbar, "Start from the guide").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Use Commuter platform (ultra-detailed)"));
        Button(dialogs, "Use Commuter platform (ultra-detailed)").Click();
    }

    [Fact]
    public void ReplacingAShotThatHasContentAsksFirstAndKeepMyShotKeepsItAndTheTemplatesOpen()
    {
        var toolbar = Toolbar(Written);

        ChooseTheCommuterTemplate(toolbar);
        dialogs.WaitForAssertion(() => Assert.Contains("Replace this shot?", dialogs.Markup));
        Button(dialogs, "Keep my shot").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Replace this shot?", dialogs.Markup));
        Assert.Empty(chosen);
        Assert.Contains("Use Commuter platform (ultra-detailed)", dialogs.Markup);
    }

    [Fact]
    public void AConfirmedReplaceCanBeUndoneOnce()
    {
        var toolbar = Toolbar(Written);
        ChooseTheCommuterTemplate(toolbar);
        dialogs.WaitForAssertion(() => Button(dialogs, "Replace"));
        Button(dialogs, "Replace").Click();

        var replaced = PromptParser.Parse(Commuter.Text, Written);
        toolbar.WaitForAssertion(() => Assert.Equal([replaced], chosen));
        // The composer passes the replaced shot back down, and Undo is offered for it.
        toolbar.Render(p => p.Add(t => t.Current, replaced));
        Button(toolbar, "Undo replace").Click();

        Assert.Equal([replaced, Written], chosen);
        toolbar.Render(p => p.Add(t => t.Current, Written));
        Assert.DoesNotContain("Undo replace", toolbar.Markup);
    }

    [Fact]
    public void UndoIsNoLongerOfferedOnceTheReplacedShotIsEdited()
    {
        var toolbar = Toolbar(Written);
        ChooseTheCommuterTemplate(toolbar);
        dialogs.WaitForAssertion(() => Button(dialogs, "Replace"));
        Button(dialogs, "Replace").Click();
        toolbar.WaitForAssertion(() => Assert.Single(chosen));

        toolbar.Render(p => p.Add(t => t.Current, chosen[0] with { Style = "edited after the replace" }));

        Assert.DoesNotContain("Undo replace", toolbar.Markup);
    }

    [Fact]
    public void AnEmptyShotIsFilledWithoutAQuestionAndWithNothingToUndo()
    {
        var toolbar = Toolbar(ShotSpec.Empty);

        ChooseTheCommuterTemplate(toolbar);

        toolbar.WaitForAssertion(() => Assert.Equal([PromptParser.Parse(Commuter.Text, ShotSpec.Empty)], chosen));
        Assert.DoesNotContain("Replace this shot?", dialogs.Markup);
        toolbar.Render(p => p.Add(t => t.Current, chosen[0]));
        Assert.DoesNotContain("Undo replace", toolbar.Markup);
    }

    [Fact]
    public void AnImportAsksBeforeReplacingToo()
    {
        var toolbar = Toolbar(Written);

        Button(toolbar, "Import prompt").Click();
        dialogs.WaitForAssertion(() => dialogs.FindByLabelText("Prompt text"));
        dialogs.FindByLabelText("Prompt text").Input("Style: 16mm black-and-white documentary.");
        Button(dialogs, "Replace the shot").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Replace this shot?", dialogs.Markup));
        Assert.Empty(chosen);
    }
}
