using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>The take page's spec panel: the composer's sections and words, not JSON paths; a child says what it is.</summary>
public sealed class TakeSpecPanelTests : BunitContext
{
    private static readonly ShotSpec Spec = ShotSpec.Empty with
    {
        Style = "35 mm film, warm tungsten light",
        Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
        Cinematography = new Cinematography { CameraShot = "medium close-up", Lens = "50mm", PaletteAnchors = ["amber", "slate blue"] },
        Actions = [new Beat("She reaches the landing.", 0, 2), new Beat("She lifts the lantern.")],
        Dialogue = [new DialogueLine("Keeper", "Almost there.", "breathless")],
    };

    [Fact]
    public void AGenerationsSpecReadsInTheComposersSectionsWithListsAsLists()
    {
        var cut = Render<TakeSpecPanel>(p => p.Add(c => c.Card, GalleryComponentTests.Card(5)).Add(c => c.Spec, Spec));

        Assert.Equal(["Generation", "Style", "Scene", "Cinematography", "Actions", "Dialogue"], cut.FindAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Model", "Size", "Duration", "Camera shot", "Lens", "Palette anchors", "Beats", "Lines"], cut.FindAll("dt").Select(d => d.TextContent.Trim()));
        Assert.Equal(["amber", "slate blue", "0–2 s: She reaches the landing.", "She lifts the lantern.", "Keeper (breathless): “Almost there.”"],
            cut.FindAll("li").Select(l => l.TextContent.Trim()));
        Assert.DoesNotContain("cinematography.", cut.Markup);
        Assert.DoesNotContain("[0]", cut.Markup);
        Assert.Contains(cut.FindAll(".take-spec__prose"), d => d.TextContent.Trim() == Spec.Scene);
    }

    [Fact]
    public void AnEditSaysWhatItIsAndWhatItWasMadeFromNotItsParentsSpec()
    {
        var card = GalleryComponentTests.Card(9, parent: 7, change: "Same shot, make it night.") with { Kind = TakeKind.Edit, Number = 4 };

        var cut = Render<TakeSpecPanel>(p => p.Add(c => c.Card, card).Add(c => c.Spec, Spec)
            .Add(c => c.ParentNumber, 2).Add(c => c.ParentKind, TakeKind.Generation).Add(c => c.ParentVideoId, "video_parent"));

        Assert.Equal("What this take is", cut.Find("h2").TextContent.Trim());
        Assert.Contains("An edit of take 2", cut.Find(".take-spec__origin").TextContent);
        Assert.Equal("/takes/7", cut.Find(".take-spec__origin a").GetAttribute("href"));
        Assert.Equal(["The change", "Made from"], cut.FindAll("dt").Select(d => d.TextContent.Trim()));
        Assert.Equal("Same shot, make it night.", cut.FindAll("dd")[0].TextContent.Trim());
        Assert.Contains("video_parent", cut.FindAll("dd")[1].TextContent);
        Assert.DoesNotContain("lighthouse keeper", cut.Markup);
    }

    [Fact]
    public void EmptySectionsAreLeftOut()
    {
        var sections = ReadableSpec.Of(ShotSpec.Empty with { Scene = "Fog." });

        Assert.Equal(["Generation", "Scene"], sections.Select(s => s.Title));
        Assert.Equal(["Model", "Size", "Duration"], sections[0].Facts.Select(f => f.Label));
    }
}
