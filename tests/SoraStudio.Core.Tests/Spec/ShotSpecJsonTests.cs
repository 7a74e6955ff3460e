using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Spec;

public class ShotSpecJsonTests
{
    private static readonly ShotSpec Sample = new()
    {
        Model = "sora-2-pro",
        Size = "1792x1024",
        Seconds = 8,
        ReferenceImage = new("first.png", "image/png", 1792, 1024),
        Style = "1970s romantic drama, shot on 35mm film",
        Scene = "A rooftop at golden hour.",
        Cinematography = new() { CameraShot = "medium-wide shot", Lens = "40mm spherical", PaletteAnchors = ["amber", "cream", "walnut brown"] },
        Actions = [new("She spins.", 0, 1.5), new("He steps in.")],
        Dialogue = [new("Woman", "See?", "laughing")],
        BackgroundSound = "Faint wind.",
        Ultra = new() { Grade = new() { Highlights = "amber lift" }, ShotList = [new() { Start = 0, End = 2.4, Title = "Arrival Drift" }] },
    };

    [Fact]
    public void RoundTripsThroughJsonWithValueEquality()
    {
        var json = SpecJson.Serialize(Sample);

        Assert.Equal(Sample, SpecJson.Deserialize(json));
    }

    [Fact]
    public void UsesStableCamelCaseNames()
    {
        var json = SpecJson.Serialize(Sample);

        foreach (var name in new[] { "\"model\"", "\"size\"", "\"seconds\"", "\"referenceImage\"", "\"style\"", "\"scene\"",
                     "\"cinematography\"", "\"cameraShot\"", "\"paletteAnchors\"", "\"actions\"", "\"startSeconds\"",
                     "\"dialogue\"", "\"speaker\"", "\"delivery\"", "\"backgroundSound\"", "\"ultra\"", "\"shotList\"", "\"highlights\"" })
            Assert.Contains(name, json);
    }

    [Fact]
    public void MissingSectionsDeserialiseAsEmpty()
    {
        var spec = SpecJson.Deserialize("""{"scene":"Rain on a window."}""");

        Assert.Equal(ShotSpec.Empty with { Scene = "Rain on a window." }, spec);
        Assert.Empty(spec.Actions);
    }

    [Fact]
    public void ListsCompareByContent()
    {
        ValueList<string> a = ["x", "y"];
        ValueList<string> b = ["x", "y"];

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.Move(0, 1));
    }
}
