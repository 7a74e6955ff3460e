using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using Bible = SoraStudio.Core.StyleBible.StyleBible;

namespace SoraStudio.Core.Tests.StyleBible;

public class StyleBibleTests
{
    // The guide's "Workflow 1, Step 1: Define Consistent Elements".
    internal static readonly Bible Rooftop = new()
    {
        Style = "1970s romantic drama, 35mm film",
        Lighting = "Golden hour sunlight from camera left, warm tungsten bounce",
        PaletteAnchors = ["amber", "cream", "rust", "soft gold"],
        Setting = "Brick tenement rooftop at sunset",
        Characters = [new("Rosa", "a young woman in a flowing red silk dress"), new("Leo", "her partner, sleeves rolled, suspenders loose")],
    };

    [Fact]
    public void AnEmptyShotInheritsEveryBibleField()
    {
        var effective = Rooftop.ApplyTo(ShotSpec.Empty);

        Assert.Equal(Rooftop.Style, effective.Spec.Style);
        Assert.Equal(Rooftop.Lighting, effective.Spec.Cinematography.Lighting);
        Assert.Equal(Rooftop.PaletteAnchors, effective.Spec.Cinematography.PaletteAnchors);
        Assert.Equal("Brick tenement rooftop at sunset", effective.Spec.Scene);
        Assert.Equal(new HashSet<BibleField> { BibleField.Style, BibleField.Lighting, BibleField.PaletteAnchors, BibleField.Setting }, effective.Inherited);
        Assert.Equal(new HashSet<string> { "style", "cinematography.lighting", "cinematography.paletteAnchors", "scene" }, effective.InheritedFields);
    }

    [Fact]
    public void TheShotsOwnValuesWinAndAreNotInherited()
    {
        var shot = ShotSpec.Empty with
        {
            Style = "16mm black-and-white film",
            Scene = "A quiet stairwell.",
            Cinematography = new() { Lighting = "single hard key light from above", PaletteAnchors = ["steel blue", "charcoal", "ice white"] },
        };

        var effective = Rooftop.ApplyTo(shot);

        Assert.Equal(shot, effective.Spec);
        Assert.Empty(effective.Inherited);
        Assert.Empty(effective.InheritedFields);
    }

    [Fact]
    public void AnOverriddenFieldStaysEmpty()
    {
        var effective = Rooftop.ApplyTo(ShotSpec.Empty, ShotOverrides.Of(BibleField.Style, BibleField.PaletteAnchors));

        Assert.Equal("", effective.Spec.Style);
        Assert.Empty(effective.Spec.Cinematography.PaletteAnchors);
        Assert.True(effective.IsInherited(BibleField.Lighting));
        Assert.False(effective.IsInherited(BibleField.Style));
        Assert.DoesNotContain("style", effective.InheritedFields);
    }

    [Fact]
    public void ACharacterNamedInTheShotGetsTheirDescriptionInTheScene()
    {
        var shot = ShotSpec.Empty with { Scene = "Same rooftop setting. Rosa dances barefoot", Actions = [new("She spins; her dress flares.")] };

        var effective = Rooftop.ApplyTo(shot);

        Assert.Equal("Same rooftop setting. Rosa dances barefoot. Rosa: a young woman in a flowing red silk dress.", effective.Spec.Scene);
        Assert.True(effective.IsInherited(BibleField.Characters));
        Assert.False(effective.IsInherited(BibleField.Setting));
        Assert.Contains("scene", effective.InheritedFields);
    }

    [Fact]
    public void CharactersAreFoundInActionsAndAsSpeakersButNotInsideOtherWords()
    {
        var shot = ShotSpec.Empty with
        {
            Scene = "A leopard print scarf hangs on the line.",
            Dialogue = [new("Leo", "Only because you lead.")],
        };

        var scene = Rooftop.ApplyTo(shot).Spec.Scene;

        Assert.Contains("Leo: her partner, sleeves rolled, suspenders loose.", scene);
        Assert.DoesNotContain("Rosa", scene);
    }

    [Fact]
    public void ADescriptionAlreadyInTheSceneIsNotRepeated()
    {
        var shot = ShotSpec.Empty with { Scene = "Rosa, a young woman in a flowing red silk dress, dances." };

        var effective = Rooftop.ApplyTo(shot);

        Assert.Equal(shot.Scene, effective.Spec.Scene);
        Assert.False(effective.IsInherited(BibleField.Characters));
    }

    [Fact]
    public void AnEmptySceneGetsTheSettingAndTheCharactersOfTheActions()
    {
        var shot = ShotSpec.Empty with { Actions = [new("Rosa spins.")] };

        Assert.Equal("Brick tenement rooftop at sunset. Rosa: a young woman in a flowing red silk dress.", Rooftop.ApplyTo(shot).Spec.Scene);
    }

    [Fact]
    public void OverridingCharactersLeavesTheSceneAlone()
    {
        var shot = ShotSpec.Empty with { Scene = "Rosa dances." };

        Assert.Equal("Rosa dances.", Rooftop.ApplyTo(shot, ShotOverrides.Of(BibleField.Characters)).Spec.Scene);
    }

    [Fact]
    public void AnEmptyBibleChangesNothing()
    {
        var shot = ShotSpec.Empty with { Scene = "Rosa dances." };

        Assert.True(Bible.Empty.IsEmpty);
        Assert.Equal(shot, Bible.Empty.ApplyTo(shot).Spec);
        Assert.Empty(Bible.Empty.ApplyTo(shot).Inherited);
    }

    [Fact]
    public void OverridesCompareByValue() =>
        Assert.Equal(ShotOverrides.Of(BibleField.Style, BibleField.Style), ShotOverrides.Of(BibleField.Style));
}
