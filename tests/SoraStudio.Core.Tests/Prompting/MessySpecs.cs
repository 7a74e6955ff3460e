using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>
/// Deterministic random specs whose fields hold anything: random prompt-like text with headers, labels, bullets,
/// line breaks and control characters in every field, including the one-line ones. The renderer cannot express
/// them as they are; it must still write all their words, and what it writes must read back to a fixed point.
/// </summary>
public sealed class MessySpecs(int seed)
{
    private readonly Random _random = new(seed);
    private readonly RandomPromptText _text = new(seed);

    public ShotSpec Next() => new()
    {
        Style = Text(),
        Scene = Text(),
        Cinematography = new()
        {
            CameraShot = Text(), Angle = Text(), Movement = Text(), Lens = Text(), DepthOfField = Text(), Lighting = Text(),
            PaletteAnchors = [Text(), Text()], Mood = Text(),
        },
        Actions = [new(Text(), Time(), Time()), new(Text())],
        Dialogue = [new(Text(), Text(), Text()), new(Text(), Text())],
        BackgroundSound = Text(),
        Ultra = new()
        {
            FormatAndLook = Text(), LensesAndFiltration = Text(),
            Grade = new() { Highlights = Text(), Mids = Text(), Blacks = Text(), Notes = Text() },
            LightingAndAtmosphere = Text(),
            Location = new() { Setting = Text(), Foreground = Text(), Midground = Text(), Background = Text() },
            WardrobePropsExtras = Text(), Sound = Text(),
            ShotList =
            [
                new() { Start = Time() ?? 0, End = Time() ?? 1, Title = Text(), Lens = Text(), CameraMove = Text(), Description = Text(), Purpose = Text() },
            ],
            CameraNotes = Text(), Finishing = Text(),
        },
    };

    /// <summary>Every text field of the spec, for the words the renderer must write.</summary>
    public static IEnumerable<string> Texts(ShotSpec spec)
    {
        var c = spec.Cinematography;
        var u = spec.Ultra;
        string[] fields =
        [
            spec.Style, spec.Scene, c.CameraShot, c.Angle, c.Movement, c.Lens, c.DepthOfField, c.Lighting, c.Mood, spec.BackgroundSound,
            u.FormatAndLook, u.LensesAndFiltration, u.Grade.Highlights, u.Grade.Mids, u.Grade.Blacks, u.Grade.Notes,
            u.LightingAndAtmosphere, u.Location.Setting, u.Location.Foreground, u.Location.Midground, u.Location.Background,
            u.WardrobePropsExtras, u.Sound, u.CameraNotes, u.Finishing,
        ];
        return fields
            .Concat(c.PaletteAnchors)
            .Concat(spec.Actions.Select(b => b.Text))
            .Concat(spec.Dialogue.SelectMany(d => new[] { d.Speaker, d.Delivery, d.Text }))
            .Concat(u.ShotList.SelectMany(s => new[] { s.Title, s.Lens, s.CameraMove, s.Description, s.Purpose }));
    }

    private string Text() => _random.Next(3) == 0 ? "" : _text.Next(_random.Next(1, 4));

    private double? Time() => _random.Next(3) == 0 ? null : _random.Next(0, 1000) / 10.0;
}
