namespace SoraStudio.Core.Spec;

/// <summary>
/// One shot, described section by section as in the Sora 2 prompting guide, plus the generation
/// parameters it is submitted with. Immutable; serialised with <see cref="SpecJson.Options"/>.
/// Text fields are never null: an empty string means "section left out".
/// </summary>
public sealed record ShotSpec
{
    public string Model { get; init; } = "sora-2";

    /// <summary>"{width}x{height}", as the API spells it.</summary>
    public string Size { get; init; } = "1280x720";

    public int Seconds { get; init; } = 4;

    public ReferenceImage? ReferenceImage { get; init; }

    // The five-part structure.
    public string Style { get; init; } = "";
    public string Scene { get; init; } = "";
    public Cinematography Cinematography { get; init; } = new();
    public ValueList<Beat> Actions { get; init; } = [];
    public ValueList<DialogueLine> Dialogue { get; init; } = [];
    public string BackgroundSound { get; init; } = "";

    // The ultra-detailed structure.
    public UltraDetail Ultra { get; init; } = new();

    public static ShotSpec Empty { get; } = new();
}

/// <summary>Metadata of the image sent as <c>input_reference</c> (the first frame).</summary>
public sealed record ReferenceImage(string FileName, string ContentType, int Width, int Height);

public sealed record Cinematography
{
    /// <summary>Shot framing, e.g. "medium close-up".</summary>
    public string CameraShot { get; init; } = "";
    public string Angle { get; init; } = "";
    public string Movement { get; init; } = "";
    public string Lens { get; init; } = "";
    public string DepthOfField { get; init; } = "";
    public string Lighting { get; init; } = "";

    /// <summary>
    /// The lighting was written under the guide's label "Lighting + palette:" (its text names colours too); the prompt
    /// writes that label back, so an imported prompt keeps its words.
    /// </summary>
    public bool LightingIncludesPalette { get; init; }
    public ValueList<string> PaletteAnchors { get; init; } = [];
    public string Mood { get; init; } = "";

    public bool IsEmpty => this == new Cinematography();
}

/// <summary>One action beat; the optional times are seconds from the start of the clip.</summary>
public sealed record Beat(string Text, double? StartSeconds = null, double? EndSeconds = null);

/// <summary>A spoken line: <c>- Speaker (delivery): "text"</c>.</summary>
public sealed record DialogueLine(string Speaker, string Text, string Delivery = "");

public sealed record UltraDetail
{
    public string FormatAndLook { get; init; } = "";
    public string LensesAndFiltration { get; init; } = "";
    public GradePalette Grade { get; init; } = new();
    public string LightingAndAtmosphere { get; init; } = "";
    public LocationFraming Location { get; init; } = new();
    public string WardrobePropsExtras { get; init; } = "";
    public string Sound { get; init; } = "";
    public ValueList<ShotSegment> ShotList { get; init; } = [];
    public string CameraNotes { get; init; } = "";
    public string Finishing { get; init; } = "";

    public bool IsEmpty => this == new UltraDetail();
}

public sealed record GradePalette
{
    public string Highlights { get; init; } = "";
    public string Mids { get; init; } = "";
    public string Blacks { get; init; } = "";
    /// <summary>Any other grade lines, kept verbatim.</summary>
    public string Notes { get; init; } = "";

    public bool IsEmpty => this == new GradePalette();
}

public sealed record LocationFraming
{
    /// <summary>The setting itself, e.g. "Urban commuter platform, dawn.", and any other lines.</summary>
    public string Setting { get; init; } = "";
    public string Foreground { get; init; } = "";
    public string Midground { get; init; } = "";
    public string Background { get; init; } = "";

    public bool IsEmpty => this == new LocationFraming();
}

/// <summary>One line of the optimized shot list: <c>0.00–2.40 — "Title" (lens, camera move)</c>.</summary>
public sealed record ShotSegment
{
    public double Start { get; init; }
    public double End { get; init; }
    public string Title { get; init; } = "";
    public string Lens { get; init; } = "";
    public string CameraMove { get; init; } = "";
    public string Description { get; init; } = "";
    public string Purpose { get; init; } = "";
}
