using System.Text;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>
/// Deterministic random specs in the form the renderer can express: text fields trimmed, lines trimmed, at most one
/// blank line in a row and only in paragraph fields; no line starting like a header, a label, a bullet, a time or a
/// bracket; single-line fields without line breaks; palette anchors and shot lenses without commas; titles without
/// quotes; descriptions without "Purpose:"; speakers without brackets or speech verbs.
/// </summary>
public sealed class RandomSpecs(int seed)
{
    // None of these starts a label or header, even followed by a colon.
    private static readonly string[] Starters =
    [
        "Rain", "A", "The", "Warm", "Two", "Slowly", "Neon", "Amber", "She", "He", "Wet", "Quiet", "Golden", "Über",
        "Café", "東京", "Crisp", "Handheld", "Soft", "Old",
    ];

    private static readonly string[] Words =
    [
        "light", "falls", "across", "the", "street", "and", "a", "cyclist", "pedals", "three", "times", "35mm", "f/2.8",
        "grain,", "halation;", "—", "eye", "level", "dolly", "push-in", "style:", "camera:", "sound", "mood", "(soft)",
        "[note]", "2.4s", "4×4", "07:30", "-20", "LUFS", "naïve", "日本", "🎬", "shot", "lens", "purposeful", "framing",
        "it’s", "'quoted'", "50%", "&", "/", "+", "x", "palette", "anchors", "Style", "Actions", "Dialogue:", "0.00–2.40",
    ];

    private static readonly string[] Speakers = ["Woman", "Man", "Robot", "Detective", "Voiceover", "Narrator", "Text overlay", "Old Sailor"];
    private static readonly string[] Deliveries = ["laughing", "smiling", "quietly", "says quietly", "whispers", "off-screen, tired", "says"];
    private static readonly string[] Models = ["sora-2", "sora-2-pro"];
    private static readonly string[] Sizes = ["1280x720", "720x1280", "1792x1024", "1024x1792"];

    private readonly Random _random = new(seed);

    public ShotSpec Next() => new()
    {
        Model = Pick(Models),
        Size = Pick(Sizes),
        Seconds = Pick([4, 8, 12]),
        ReferenceImage = Chance(0.2) ? new ReferenceImage("first.png", "image/png", 1280, 720) : null,
        Style = Maybe(() => Lines(1, 2)),
        Scene = Maybe(() => Paragraphs(3)),
        Cinematography = Chance(0.2) ? new() : new Cinematography
        {
            CameraShot = Maybe(() => Lines(1, 2)),
            Angle = Maybe(() => Line()),
            Movement = Maybe(() => Line()),
            Lens = Maybe(() => Line()),
            DepthOfField = Maybe(() => Line()),
            Lighting = Maybe(() => Lines(1, 3)),
            PaletteAnchors = Chance(0.5) ? Many(1, 5, Anchor) : [],
            Mood = Maybe(() => Line()),
        },
        Actions = Chance(0.7) ? Many(1, 5, Beat) : [],
        Dialogue = Chance(0.6) ? Many(1, 4, Dialogue) : [],
        BackgroundSound = Maybe(() => Paragraphs(2)),
        Ultra = Chance(0.5) ? new() : Ultra(),
    };

    private UltraDetail Ultra() => new()
    {
        FormatAndLook = Maybe(() => Paragraphs(2)),
        LensesAndFiltration = Maybe(() => Paragraphs(1)),
        Grade = new GradePalette
        {
            Highlights = Maybe(() => Line()), Mids = Maybe(() => Line()), Blacks = Maybe(() => Line()), Notes = Maybe(() => Paragraphs(2)),
        },
        LightingAndAtmosphere = Maybe(() => Paragraphs(2)),
        Location = new LocationFraming
        {
            Setting = Maybe(() => Paragraphs(2)), Foreground = Maybe(() => Line()), Midground = Maybe(() => Line()),
            Background = Maybe(() => Line()),
        },
        WardrobePropsExtras = Maybe(() => Paragraphs(2)),
        Sound = Maybe(() => Paragraphs(2)),
        ShotList = Chance(0.7) ? Many(1, 4, Segment) : [],
        CameraNotes = Maybe(() => Paragraphs(2)),
        Finishing = Maybe(() => Paragraphs(2)),
    };

    private Beat Beat()
    {
        var text = Chance(0.1) ? "" : Lines(1, 2);
        return _random.Next(4) switch
        {
            0 => new Beat(text, Time(), Time()),
            1 => new Beat(text, Time()),
            2 => new Beat(text, null, Time()),
            _ => new Beat(text),
        };
    }

    private DialogueLine Dialogue()
    {
        var text = Chance(0.2) ? Line() + " \"really\"" : Line();
        return new DialogueLine(Chance(0.05) ? "" : Pick(Speakers), text, Chance(0.5) ? "" : Pick(Deliveries));
    }

    private ShotSegment Segment() => new()
    {
        Start = Time(),
        End = Time(),
        Title = Maybe(() => Line().Replace("\"", "")),
        Lens = Maybe(() => Line().Replace(",", "")),
        CameraMove = Maybe(() => Line()),
        Description = Maybe(() => Paragraphs(2)),
        Purpose = Maybe(() => Paragraphs(2)),
    };

    private string Anchor() => Line().Replace(",", "").Replace(";", "").Replace("(", "").Replace(")", "").Replace("[", "").Replace("]", "");

    private double Time() => _random.Next(0, 2000) / (double)Pick([1, 4, 10, 100]);

    private string Line()
    {
        var sb = new StringBuilder(Pick(Starters));
        var count = _random.Next(0, 8);
        for (var i = 0; i < count; i++) sb.Append(' ').Append(Pick(Words));
        return sb.ToString();
    }

    private string Lines(int min, int max) => string.Join('\n', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Line()));

    private string Paragraphs(int max) =>
        string.Join("\n\n", Enumerable.Range(0, _random.Next(1, max + 1)).Select(_ => Lines(1, 3)));

    private ValueList<T> Many<T>(int min, int max, Func<T> next) => new(Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => next()));

    private string Maybe(Func<string> next) => Chance(0.6) ? next() : "";

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
