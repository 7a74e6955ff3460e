using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.StyleBible;

/// <summary>
/// The consistent elements of a project that every shot inherits (the guide's "Workflow 1: define consistent
/// elements"): style, lighting, palette anchors, setting and recurring characters.
/// </summary>
public sealed record StyleBible
{
    public string Style { get; init; } = "";
    public string Lighting { get; init; } = "";
    public ValueList<string> PaletteAnchors { get; init; } = [];
    public string Setting { get; init; } = "";
    public ValueList<BibleCharacter> Characters { get; init; } = [];

    public static StyleBible Empty { get; } = new();

    public bool IsEmpty => this == Empty;

    /// <summary>
    /// The shot as it is submitted. Style, lighting and palette anchors fill the shot's empty fields; the setting
    /// becomes the scene of a shot that has none; each character the shot names (in its scene, actions or as a
    /// speaker) gets its description appended to the scene, unless the scene already holds it. A field listed in
    /// <paramref name="overrides"/> is never filled. The shot's own non-empty values always win.
    /// </summary>
    public EffectiveShot ApplyTo(ShotSpec shot, ShotOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(shot);
        overrides ??= ShotOverrides.None;
        var inherited = new HashSet<BibleField>();
        var spec = shot;

        bool Takes(BibleField field, bool shotIsEmpty, bool bibleHasValue)
        {
            if (!shotIsEmpty || !bibleHasValue || overrides.Overrides(field)) return false;
            inherited.Add(field);
            return true;
        }

        if (Takes(BibleField.Style, IsBlank(shot.Style), !IsBlank(Style)))
            spec = spec with { Style = Style };
        if (Takes(BibleField.Lighting, IsBlank(shot.Cinematography.Lighting), !IsBlank(Lighting)))
            spec = spec with { Cinematography = spec.Cinematography with { Lighting = Lighting } };
        if (Takes(BibleField.PaletteAnchors, shot.Cinematography.PaletteAnchors.All(IsBlank), PaletteAnchors.Any(a => !IsBlank(a))))
            spec = spec with { Cinematography = spec.Cinematography with { PaletteAnchors = PaletteAnchors } };
        if (Takes(BibleField.Setting, IsBlank(shot.Scene), !IsBlank(Setting)))
            spec = spec with { Scene = Setting.Trim() };

        var described = overrides.Overrides(BibleField.Characters) ? [] : Characters
            .Where(c => !IsBlank(c.Name) && !IsBlank(c.Description) && Names(shot, c.Name)
                && !spec.Scene.Contains(c.Description.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (described.Count > 0)
        {
            inherited.Add(BibleField.Characters);
            var sentences = described.Select(c => Sentence($"{c.Name.Trim()}: {c.Description.Trim()}"));
            spec = spec with { Scene = string.Join(" ", sentences.Prepend(IsBlank(spec.Scene) ? "" : Sentence(spec.Scene.Trim())).Where(s => s.Length > 0)) };
        }
        return new EffectiveShot(spec, inherited);
    }

    private static bool Names(ShotSpec shot, string name)
    {
        var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name.Trim())}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return pattern.IsMatch(shot.Scene)
            || shot.Actions.Any(b => pattern.IsMatch(b.Text))
            || shot.Dialogue.Any(d => pattern.IsMatch(d.Speaker));
    }

    private static bool IsBlank(string text) => string.IsNullOrWhiteSpace(text);

    private static string Sentence(string text) => text.Length > 0 && ".!?…\"”".Contains(text[^1]) ? text : text + ".";
}
