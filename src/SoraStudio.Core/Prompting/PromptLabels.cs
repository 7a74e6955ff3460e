namespace SoraStudio.Core.Prompting;

/// <summary>
/// Recognises headers and labelled lines, case-insensitively, with the Markdown decoration people paste
/// (<c>## Sound</c>, <c>**Style:**</c>). In a phrase a space matches any run of white space and
/// <c>&amp;</c> / <c>+</c> also match "and", so "Format and Look" and "Grade/Palette" are headers too.
/// </summary>
internal static class PromptLabels
{
    private static readonly (string Phrase, PromptLabel Label)[] Headers =
    [
        ("cinematography", PromptLabel.Cinematography),
        ("actions", PromptLabel.Actions),
        ("dialogue", PromptLabel.Dialogue),
        ("dialog", PromptLabel.Dialogue),
        ("background sound", PromptLabel.BackgroundSound),
        ("format & look", PromptLabel.FormatAndLook),
        ("lenses & filtration", PromptLabel.LensesAndFiltration),
        ("grade / palette", PromptLabel.GradePalette),
        ("lighting & atmosphere", PromptLabel.LightingAndAtmosphere),
        ("location & framing", PromptLabel.LocationAndFraming),
        ("wardrobe / props / extras", PromptLabel.WardrobePropsExtras),
        ("sound", PromptLabel.Sound),
        ("optimized shot list", PromptLabel.ShotList),
        ("optimised shot list", PromptLabel.ShotList),
        ("shot list", PromptLabel.ShotList),
        ("camera notes", PromptLabel.CameraNotes),
        ("finishing", PromptLabel.Finishing),
    ];

    private static readonly (string Phrase, PromptLabel Label)[] Fields =
    [
        ("style", PromptLabel.Style),
        ("camera", PromptLabel.Camera),
        ("camera shot", PromptLabel.CameraShot),
        ("shot type", PromptLabel.CameraShot),
        ("framing", PromptLabel.CameraShot),
        ("angle", PromptLabel.Angle),
        ("camera angle", PromptLabel.Angle),
        ("camera movement", PromptLabel.Movement),
        ("camera move", PromptLabel.Movement),
        ("movement", PromptLabel.Movement),
        ("lens", PromptLabel.Lens),
        ("depth of field", PromptLabel.DepthOfField),
        ("dof", PromptLabel.DepthOfField),
        ("lighting", PromptLabel.Lighting),
        ("lighting + palette", PromptLabel.LightingAndPalette),
        ("palette anchors", PromptLabel.Palette),
        ("palette", PromptLabel.Palette),
        ("color palette", PromptLabel.Palette),
        ("colour palette", PromptLabel.Palette),
        ("mood", PromptLabel.Mood),
        ("prompt", PromptLabel.Prompt),
        ("model", PromptLabel.Model),
        ("size", PromptLabel.Size),
        ("seconds", PromptLabel.Seconds),
    ];

    internal static readonly (string Phrase, PromptLabel Label)[] GradeLabels =
    [
        ("highlights", PromptLabel.Highlights),
        ("mids", PromptLabel.Mids),
        ("blacks", PromptLabel.Blacks),
    ];

    internal static readonly (string Phrase, PromptLabel Label)[] LocationLabels =
    [
        ("foreground", PromptLabel.Foreground),
        ("midground", PromptLabel.Midground),
        ("background", PromptLabel.Background),
    ];

    /// <summary>
    /// A header alone on its line ("Format &amp; Look", "Actions:"), or with its content after a colon
    /// ("Background Sound: rain"). The shot list and camera notes headers may carry a parenthesis
    /// ("Optimized Shot List (2 shots / 4s total)"), returned in <paramref name="tail"/> with its brackets.
    /// </summary>
    public static bool TryMatchHeader(
        ReadOnlySpan<char> line, out PromptLabel label, out ReadOnlySpan<char> tail, out ReadOnlySpan<char> inline)
    {
        var start = SkipOpeners(line);
        if (start >= line.Length || !char.IsLetter(line[start]))
        {
            label = PromptLabel.None;
            tail = default;
            inline = default;
            return false;
        }
        var first = char.ToLowerInvariant(line[start]);
        foreach (var (phrase, candidate) in Headers)
        {
            if (phrase[0] != first || !MatchPhrase(line, start, phrase, out var end)) continue;
            var pos = SkipClosers(line, end);
            tail = default;
            if (pos < line.Length && line[pos] == '(' && candidate is PromptLabel.ShotList or PromptLabel.CameraNotes)
            {
                var close = line[pos..].IndexOf(')');
                if (close < 0) continue;
                tail = line.Slice(pos, close + 1);
                pos = SkipClosers(line, pos + close + 1);
            }
            if (pos == line.Length)
            {
                label = candidate;
                inline = default;
                return true;
            }
            if (line[pos] != ':') continue;
            label = candidate;
            inline = Value(line, pos + 1, start);
            return true;
        }
        label = PromptLabel.None;
        tail = default;
        inline = default;
        return false;
    }

    /// <summary>A labelled line of the five-part structure: "Lens: 40mm spherical".</summary>
    public static bool TryMatchField(ReadOnlySpan<char> line, out PromptLabel label, out ReadOnlySpan<char> value) =>
        TryMatchLabel(line, Fields, out label, out value);

    /// <summary>A line "Label: value" for one of <paramref name="labels"/>; the colon is required.</summary>
    public static bool TryMatchLabel(
        ReadOnlySpan<char> line, ReadOnlySpan<(string Phrase, PromptLabel Label)> labels,
        out PromptLabel label, out ReadOnlySpan<char> value)
    {
        var start = SkipOpeners(line);
        var first = start < line.Length ? char.ToLowerInvariant(line[start]) : '\0';
        foreach (var (phrase, candidate) in labels)
        {
            if (phrase[0] != first || !MatchPhrase(line, start, phrase, out var end)) continue;
            var pos = SkipClosers(line, end);
            if (pos >= line.Length || line[pos] != ':') continue;
            label = candidate;
            value = Value(line, pos + 1, start);
            return true;
        }
        label = PromptLabel.None;
        value = default;
        return false;
    }

    /// <summary>Whether a line with this text would not read as plain text: a bullet, a header or a labelled line.</summary>
    public static bool StartsLikeLabel(ReadOnlySpan<char> line) => Bullet.TryStrip(line, out _) || ReadsAsLabel(line);

    /// <summary>Whether a line with this text would read as a header or a labelled line.</summary>
    public static bool ReadsAsLabel(ReadOnlySpan<char> line) =>
        TryMatchHeader(line, out _, out _, out _) || TryMatchField(line, out _, out _);

    /// <summary>
    /// How a second value of a labelled line joins the first: on its own line, which the renderer writes as a
    /// continuation line, unless that line would read as a bullet, header or label; then after "; " on the same
    /// line (a semicolon, so that a first line of only "#" cannot turn the two into a label).
    /// </summary>
    public static string LineBreakBefore(ReadOnlySpan<char> value) => StartsLikeLabel(value) ? "; " : "\n";

    /// <summary>Whether <paramref name="text"/> at <paramref name="start"/> reads as <paramref name="phrase"/>.</summary>
    public static bool MatchPhrase(ReadOnlySpan<char> text, int start, string phrase, out int end)
    {
        var i = start;
        end = 0;
        foreach (var c in phrase)
        {
            switch (c)
            {
                case ' ':
                    while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                    break;
                case '&' or '+':
                    if (i < text.Length && text[i] is '&' or '+') i++;
                    else if (i + 3 <= text.Length && text.Slice(i, 3).Equals("and", StringComparison.OrdinalIgnoreCase)) i += 3;
                    else return false;
                    break;
                default:
                    if (i >= text.Length || char.ToLowerInvariant(text[i]) != c) return false;
                    i++;
                    break;
            }
        }
        end = i;
        return true;
    }

    /// <summary>
    /// The text after the colon. Emphasis is taken off only where it closes the label's own: "**Style:** noir" and
    /// "**Style: noir**" are "noir", while "Style: **noir**" keeps its stars.
    /// </summary>
    private static ReadOnlySpan<char> Value(ReadOnlySpan<char> line, int afterColon, int labelStart)
    {
        var emphasised = labelStart > 1 && line[labelStart - 1] is '*' or '_' && line[labelStart - 2] == line[labelStart - 1];
        var value = line[afterColon..].Trim();
        if (!emphasised) return value;
        var mark = line[labelStart - 1];
        if (value.Length >= 2 && value[0] == mark && value[1] == mark) return value[2..].Trim();
        if (value.Length >= 2 && value[^1] == mark && value[^2] == mark) return value[..^2].TrimEnd();
        return value;
    }

    private static int SkipOpeners(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && line[i] == '#') i++;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        if (i + 1 < line.Length && line[i] is '*' or '_' && line[i + 1] == line[i]) i += 2;
        return i;
    }

    private static int SkipClosers(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        if (i + 1 < line.Length && line[i] is '*' or '_' && line[i + 1] == line[i]) i += 2;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        return i;
    }
}
