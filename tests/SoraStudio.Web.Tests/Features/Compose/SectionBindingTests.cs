using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

public class SectionBindingTests : ComposeTestContext
{
    [Fact]
    public void TypingTheStyleUpdatesItsValue()
    {
        string? value = null;
        var cut = Render<StyleSection>(p => p.Add(s => s.Value, "").Add(s => s.ValueChanged, v => value = v));

        cut.FindByLabelText("Style").Input("1970s romantic drama, shot on 35mm film");

        Assert.Equal("1970s romantic drama, shot on 35mm film", value);
    }

    [Fact]
    public void TypingTheSceneUpdatesItsValue()
    {
        string? value = null;
        var cut = Render<SceneSection>(p => p.Add(s => s.Value, "").Add(s => s.ValueChanged, v => value = v));

        cut.FindByLabelText("Scene description").Input("At golden hour, a brick tenement rooftop.");

        Assert.Equal("At golden hour, a brick tenement rooftop.", value);
    }

    [Fact]
    public void TypingTheBackgroundSoundUpdatesItsValue()
    {
        string? value = null;
        var cut = Render<BackgroundSoundSection>(p => p.Add(s => s.Value, "").Add(s => s.ValueChanged, v => value = v));

        cut.FindByLabelText("Background sound").Input("Rain, ticking clock.");

        Assert.Equal("Rain, ticking clock.", value);
    }

    [Fact]
    public void CinematographyFieldsUpdateTheirOwnPartOnly()
    {
        var value = new Cinematography { Lens = "40mm spherical" };
        var cut = Render<CinematographySection>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, v => value = v));

        cut.FindByLabelText("Mood").Input("nostalgic, tender");
        cut.Render(p => p.Add(s => s.Value, value));
        cut.FindByLabelText("Camera shot").Change("medium-wide shot");

        Assert.Equal(new Cinematography { Lens = "40mm spherical", Mood = "nostalgic, tender", CameraShot = "medium-wide shot" }, value);
    }

    [Fact]
    public void APalettePresetSetsTheAnchorsAndAnAnchorCanBeTyped()
    {
        var value = new Cinematography();
        var cut = Render<CinematographySection>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, v => value = v));

        Button(cut, "Teal, sand, rust").Click();
        Assert.Equal(["teal", "sand", "rust"], value.PaletteAnchors);

        cut.Render(p => p.Add(s => s.Value, value));
        cut.FindByLabelText("Palette anchor").Change("amber");
        Button(cut, "Add anchor").Click();
        Assert.Equal(["teal", "sand", "rust", "amber"], value.PaletteAnchors);
    }

    [Fact]
    public void TheUltraDetailedBriefEditsItsNestedSections()
    {
        var value = new UltraDetail { Sound = "Diegetic only" };
        var cut = Render<UltraDetailSection>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, v => value = v).Add(s => s.Seconds, 4));

        cut.FindByLabelText("Mids").Input("balanced neutrals");
        cut.Render(p => p.Add(s => s.Value, value));
        cut.FindByLabelText("Foreground").Input("yellow safety line");

        Assert.Equal("balanced neutrals", value.Grade.Mids);
        Assert.Equal("yellow safety line", value.Location.Foreground);
        Assert.Equal("Diegetic only", value.Sound);
    }

    [Fact]
    public void AShotListSegmentIsAddedAfterTheLastAndEdited()
    {
        var value = new UltraDetail { ShotList = [new ShotSegment { Start = 0, End = 2.4, Title = "Arrival Drift" }] };
        var cut = Render<UltraDetailSection>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, v => value = v).Add(s => s.Seconds, 4));

        Button(cut, "Add segment").Click();
        cut.Render(p => p.Add(s => s.Value, value));
        cut.FindByLabelText("Segment 2 title").Input("Turn and Pause");

        Assert.Equal(2, value.ShotList.Count);
        Assert.Equal((2.4, 4.0, "Turn and Pause"), (value.ShotList[1].Start, value.ShotList[1].End, value.ShotList[1].Title));
    }
}
