namespace SoraStudio.Core.Vocabulary;

public static partial class Vocabulary
{
    public static IReadOnlyList<VocabularyTerm> LightQuality { get; } =
    [
        new("Soft/diffused light", "Even, gentle illumination with gradual shadows; flattering, calm, inviting, natural.", "soft window light filtering through sheer curtains"),
        new("Hard light", "Direct, strong illumination with sharp shadows; dramatic, tense, high contrast.", "single hard key light from above, sharp shadows"),
        new("Volumetric light", "Visible light beams through fog, dust or haze; atmospheric, ethereal, dramatic.", "volumetric light beams through dusty warehouse windows"),
    ];

    public static IReadOnlyList<VocabularyTerm> LightDirection { get; } =
    [
        new("Front light", "Even illumination, minimal shadows, flat.", "front-lit with soft key light at camera position"),
        new("Side light", "Reveals texture, creates dimension, dramatic.", "side light from window creating half-lit face"),
        new("Back light (rim light)", "Separates the subject from the background, creates a glow.", "warm backlight creating rim around subject"),
        new("Top light", "Dramatic shadows under eyes and nose; can be unflattering.", "overhead lighting casting shadows downward"),
        new("Under light", "Unnatural, eerie, a horror aesthetic.", "light from below creating ominous shadows"),
    ];

    public static IReadOnlyList<ColorTemperatureTerm> ColorTemperature { get; } =
    [
        new("Warm light", 2700, 3500, "amber, orange, golden, yellow", "cozy, inviting, nostalgic, intimate",
            ["warm tungsten lamp glow", "golden hour sunlight", "candlelight ambiance"]),
        new("Neutral light", 4000, 5000, "white, balanced, natural", "neutral, realistic, balanced",
            ["neutral daylight through windows", "balanced studio lighting", "overcast natural light"]),
        new("Cool light", 5500, 7000, "blue, cyan, steel, ice", "clinical, modern, melancholic, tense",
            ["cool fluorescent office lighting", "blue twilight atmosphere", "cold moonlight through windows"]),
    ];

    /// <summary>The guide's example palettes; naming three to five anchors keeps the palette stable across shots.</summary>
    public static IReadOnlyList<PalettePreset> PalettePresets { get; } =
    [
        new("Warm and cozy", ["amber", "cream", "walnut brown", "rust", "soft gold"], "The guide's warm and cozy palette."),
        new("Cool and modern", ["steel blue", "charcoal gray", "ice white", "silver", "cool teal"], "The guide's cool and modern palette."),
        new("Nostalgic and vintage", ["faded yellow", "dusty rose", "olive green", "sepia", "cream"], "The guide's nostalgic and vintage palette."),
        new("Dramatic and moody", ["deep burgundy", "charcoal", "burnt orange", "midnight blue", "gold"], "The guide's dramatic and moody palette."),
        new("Lamp-lit interior", ["amber", "cream", "walnut brown"], "Soft window light with warm lamp fill (the guide's strong lighting example)."),
        new("Golden hour rooftop", ["amber", "cream", "rust", "soft gold"], "The guide's multi-shot sequence with consistent lighting."),
        new("Teal, sand, rust", ["teal", "sand", "rust"], "The guide's palette remix example."),
    ];
}
