using System.Globalization;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Compose;

/// <summary>A shot as an outline of its non-empty sections, to show how pasted text was read.</summary>
public static class ParsedSections
{
    public sealed record Row(string Section, IReadOnlyList<string> Lines);

    public static IReadOnlyList<Row> Of(ShotSpec spec)
    {
        var c = spec.Cinematography;
        var u = spec.Ultra;
        var rows = new List<Row?>
        {
            new("Generation", [$"{spec.Model} · {spec.Size} · {spec.Seconds} s"]),
            Text("Style", spec.Style),
            Text("Scene", spec.Scene),
            Lines("Cinematography", Field("Camera shot", c.CameraShot), Field("Angle", c.Angle), Field("Movement", c.Movement),
                Field("Lens", c.Lens), Field("Depth of field", c.DepthOfField), Field("Lighting", c.Lighting),
                Field("Palette anchors", string.Join(", ", c.PaletteAnchors)), Field("Mood", c.Mood)),
            Lines("Actions", [.. spec.Actions.Select(Beat)]),
            Lines("Dialogue", [.. spec.Dialogue.Select(d => $"{d.Speaker}{(d.Delivery.Length > 0 ? $" ({d.Delivery})" : "")}: “{d.Text}”")]),
            Text("Background sound", spec.BackgroundSound),
            Lines("Ultra-detailed brief", Field("Format & look", u.FormatAndLook), Field("Lenses & filtration", u.LensesAndFiltration),
                Field("Grade", string.Join(" ", new[] { u.Grade.Highlights, u.Grade.Mids, u.Grade.Blacks, u.Grade.Notes }.Where(g => g.Length > 0))),
                Field("Lighting & atmosphere", u.LightingAndAtmosphere),
                Field("Location", string.Join(" ", new[] { u.Location.Setting, u.Location.Foreground, u.Location.Midground, u.Location.Background }.Where(l => l.Length > 0))),
                Field("Wardrobe, props & extras", u.WardrobePropsExtras), Field("Sound", u.Sound),
                Field("Shot list", string.Join("; ", u.ShotList.Select(s => $"{Seconds(s.Start)}–{Seconds(s.End)} “{s.Title}”"))),
                Field("Camera notes", u.CameraNotes), Field("Finishing", u.Finishing)),
        };
        return [.. rows.OfType<Row>()];
    }

    private static Row? Text(string section, string text) => text.Length == 0 ? null : new(section, [text]);

    private static Row? Lines(string section, params string?[] lines) =>
        lines.OfType<string>().ToList() is { Count: > 0 } some ? new(section, some) : null;

    private static string? Field(string label, string value) => value.Length == 0 ? null : $"{label}: {value}";

    private static string Beat(Beat beat) => (beat.StartSeconds, beat.EndSeconds) switch
    {
        (null, null) => beat.Text,
        (var s, var e) => $"{(s is null ? "" : Seconds(s.Value))}–{(e is null ? "" : Seconds(e.Value))} s: {beat.Text}",
    };

    private static string Seconds(double s) => s.ToString("0.##", CultureInfo.InvariantCulture);
}
