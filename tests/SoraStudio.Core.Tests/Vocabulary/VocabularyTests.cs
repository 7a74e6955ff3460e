using SoraStudio.Core.Vocabulary;
using Terms = SoraStudio.Core.Vocabulary.Vocabulary;

namespace SoraStudio.Core.Tests.Vocabulary;

public class VocabularyTests
{
    public static TheoryData<string, IReadOnlyList<VocabularyTerm>> TermLists => new()
    {
        { "shot types", Terms.ShotTypes },
        { "camera angles", Terms.CameraAngles },
        { "camera movements", Terms.CameraMovements },
        { "depth of field", Terms.DepthOfField },
        { "light quality", Terms.LightQuality },
        { "light direction", Terms.LightDirection },
    };

    [Theory]
    [MemberData(nameof(TermLists))]
    public void EveryTermHasADescriptionAnExampleAndAUniqueName(string list, IReadOnlyList<VocabularyTerm> terms)
    {
        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Description) || string.IsNullOrWhiteSpace(t.Example), list));
        Assert.Equal(terms.Count, terms.Select(t => t.Term).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void TheGuidesQuickReferenceTermsAreAllThere()
    {
        Assert.Equal(["Wide establishing shot", "Wide shot", "Medium shot", "Medium close-up", "Close-up", "Extreme close-up"], Terms.ShotTypes.Select(t => t.Term));
        Assert.Equal(4, Terms.CameraAngles.Count);
        Assert.Equal(9, Terms.CameraMovements.Count);
        Assert.Equal(["Shallow depth of field", "Deep focus", "Rack focus"], Terms.DepthOfField.Select(t => t.Term));
        Assert.Equal(5, Terms.LightDirection.Count);
    }

    [Fact]
    public void LensesCarryTheGuidesFocalLengths()
    {
        Assert.Equal(["24mm–35mm", "40mm–50mm", "85mm–135mm", ""], Terms.Lenses.Select(l => l.FocalLengths));
        Assert.Contains("oval bokeh", Terms.Lenses.Single(l => l.Term == "Anamorphic lens").Description);
    }

    [Fact]
    public void ColourTemperaturesAreOrderedWarmToCoolWithoutOverlap()
    {
        var bands = Terms.ColorTemperature;

        Assert.Equal(["Warm light", "Neutral light", "Cool light"], bands.Select(b => b.Term));
        Assert.All(bands.Zip(bands.Skip(1)), pair => Assert.True(pair.First.MaxKelvin < pair.Second.MinKelvin));
        Assert.Equal("2700K–3500K; amber, orange, golden, yellow; cozy, inviting, nostalgic, intimate", bands[0].Description);
    }

    [Fact]
    public void EveryPalettePresetHasThreeToFiveDistinctAnchors()
    {
        Assert.Contains(Terms.PalettePresets, p => p.Name == "Warm and cozy" && p.Anchors.SequenceEqual(["amber", "cream", "walnut brown", "rust", "soft gold"]));
        Assert.All(Terms.PalettePresets, p =>
        {
            Assert.InRange(p.Anchors.Count, 3, 5);
            Assert.Equal(p.Anchors.Count, p.Anchors.Distinct().Count());
        });
    }

    [Fact]
    public void WeakAndStrongWordingAreNeverTheSame() =>
        Assert.All(Terms.WeakToStrong, pair =>
        {
            Assert.False(string.Equals(pair.Weak, pair.Strong, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(pair.Aspect, new[] { "setting", "action", "look", "lighting", "camera", "sound" });
        });
}
