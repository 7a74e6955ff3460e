using System.Globalization;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>One fact of a spec as a person reads it: the composer's label, and prose or a list.</summary>
public sealed record SpecFact(string Label, string Text, IReadOnlyList<string> Items)
{
    public static SpecFact Prose(string label, string text) => new(label, text, []);
    public static SpecFact List(string label, IReadOnlyList<string> items) => new(label, "", items);
}

/// <summary>One section of a spec, named as the composer names it, with its filled-in facts.</summary>
public sealed record SpecSection(string Title, IReadOnlyList<SpecFact> Facts);

/// <summary>
/// A shot spec as the take page shows it: the composer's sections and labels, in the composer's order, values as prose,
/// beats, lines and palette anchors as lists; what was left empty is left out.
/// </summary>
public static class ReadableSpec
{
    public static IReadOnlyList<SpecSection> Of(ShotSpec spec)
    {
        var c = spec.Cinematography;
        var u = spec.Ultra;
        SpecSection?[] sections =
        [
            Section("Generation",
                Prose("Model", spec.Model), Prose("Size", spec.Size), Prose("Duration", $"{spec.Seconds} s"),
                Prose("Reference image", spec.ReferenceImage is { } image ? $"{image.FileName} ({image.Width}×{image.Height}), the first frame" : "")),
            Section("Style", Prose("Style", spec.Style)),
            Section("Scene", Prose("Scene", spec.Scene)),
            Section("Cinematography",
                Prose("Camera shot", c.CameraShot), Prose("Angle", c.Angle), Prose("Camera movement", c.Movement), Prose("Lens", c.Lens),
                Prose("Depth of field", c.DepthOfField), Prose(c.LightingIncludesPalette ? "Lighting + palette" : "Lighting", c.Lighting),
                List("Palette anchors", [.. c.PaletteAnchors]), Prose("Mood", c.Mood)),
            Section("Actions", List("Beats", [.. spec.Actions.Select(Beat)])),
            Section("Dialogue", List("Lines", [.. spec.Dialogue.Select(Line)])),
            Section("Background sound", Prose("Background sound", spec.BackgroundSound)),
            Section("Ultra-detailed brief",
                Prose("Format & look", u.FormatAndLook), Prose("Lenses & filtration", u.LensesAndFiltration),
                Prose("Highlights", u.Grade.Highlights), Prose("Mids", u.Grade.Mids), Prose("Blacks", u.Grade.Blacks), Prose("Other grade notes", u.Grade.Notes),
                Prose("Lighting & atmosphere", u.LightingAndAtmosphere),
                Prose("Setting", u.Location.Setting), Prose("Foreground", u.Location.Foreground), Prose("Midground", u.Location.Midground),
                Prose("Background", u.Location.Background),
                Prose("Wardrobe, props & extras", u.WardrobePropsExtras), Prose("Sound", u.Sound),
                List("Shot list", [.. u.ShotList.Select(Segment)]),
                Prose("Camera notes (why it reads)", u.CameraNotes), Prose("Finishing", u.Finishing)),
        ];
        return [.. sections.OfType<SpecSection>()];
    }

    private static SpecFact? Prose(string label, string text) => string.IsNullOrWhiteSpace(text) ? null : SpecFact.Prose(label, text.Trim());

    private static SpecFact? List(string label, IReadOnlyList<string> items)
    {
        var filled = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return filled.Count == 0 ? null : SpecFact.List(label, filled);
    }

    /// <summary>A section with its filled-in facts, or null when nothing in it was filled in.</summary>
    private static SpecSection? Section(string title, params SpecFact?[] facts)
    {
        var filled = facts.OfType<SpecFact>().ToList();
        return filled.Count == 0 ? null : new SpecSection(title, filled);
    }

    private static string Beat(Beat beat) => beat.Text.Trim().Length == 0 ? "" : beat switch
    {
        { StartSeconds: { } start, EndSeconds: { } end } => $"{Seconds(start)}–{Seconds(end)} s: {beat.Text.Trim()}",
        { StartSeconds: { } start } => $"From {Seconds(start)} s: {beat.Text.Trim()}",
        _ => beat.Text.Trim(),
    };

    private static string Line(DialogueLine line) => line.Text.Trim().Length == 0 ? "" :
        $"{(line.Speaker.Trim().Length > 0 ? line.Speaker.Trim() : "Someone")}{(line.Delivery.Trim().Length > 0 ? $" ({line.Delivery.Trim()})" : "")}: “{line.Text.Trim()}”";

    private static string Segment(ShotSegment s)
    {
        var how = string.Join(", ", new[] { s.Lens, s.CameraMove }.Where(x => x.Trim().Length > 0));
        var head = $"{Seconds(s.Start)}–{Seconds(s.End)} s" + (s.Title.Trim().Length > 0 ? $" “{s.Title.Trim()}”" : "") + (how.Length > 0 ? $" ({how})" : "");
        var rest = string.Join(" ", new[] { s.Description, s.Purpose }.Where(x => x.Trim().Length > 0).Select(x => x.Trim()));
        return rest.Length > 0 ? $"{head}: {rest}" : head;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture);
}
