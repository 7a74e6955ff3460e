using System.Globalization;
using System.Text;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>
/// The "nothing is dropped" law, stated on words. A word is a run of letters (compared case-insensitively) or a
/// number (compared by value, so "2.40" and "2.4" are the same word); punctuation, bullets, quotes and dashes are
/// not words. The content words of an input are its words minus the labels the renderer writes in its own
/// normalised spelling: a known section header or "Label:" at the start of a line (an empty "Purpose:" of a shot
/// is not written back), and the summary bracket of the
/// shot list header ("(2 shots / 4s total)"), which the renderer recomputes. Words of "Model:", "Size:" and
/// "Seconds:" lines move into the generation parameters, so those count as kept there.
/// </summary>
public static class ContentWords
{
    // Spelled independently of the parser: longest first so "camera shot" wins over "camera".
    private static readonly string[] Labels =
    [
        "wardrobe / props / extras", "wardrobe/props/extras", "lighting & atmosphere", "lighting and atmosphere",
        "lenses & filtration", "lenses and filtration", "location & framing", "location and framing",
        "lighting + palette", "optimized shot list", "optimised shot list", "format & look", "format and look",
        "grade / palette", "grade/palette", "background sound", "camera movement", "palette anchors", "depth of field",
        "cinematography", "camera notes", "camera angle", "colour palette", "color palette", "camera shot", "camera move",
        "shot type", "shot list", "highlights", "foreground", "background", "midground", "finishing", "movement",
        "dialogue", "framing", "seconds", "actions", "palette", "dialog", "camera", "prompt", "blacks", "style", "angle",
        "lighting", "purpose", "sound", "model", "lens", "mood", "mids", "size", "dof",
    ];

    // The labels that may carry another header after their colon ("Actions: Dialogue: x").
    private static readonly HashSet<string> Headers =
    [
        "cinematography", "actions", "dialogue", "dialog", "background sound", "format & look", "format and look",
        "lenses & filtration", "lenses and filtration", "grade / palette", "grade/palette", "lighting & atmosphere",
        "lighting and atmosphere", "location & framing", "location and framing", "wardrobe / props / extras",
        "wardrobe/props/extras", "sound", "optimized shot list", "optimised shot list", "shot list", "camera notes", "finishing",
    ];

    /// <summary>Whether every content word of <paramref name="input"/> is in <paramref name="output"/> at least as often; the missing words otherwise.</summary>
    public static IReadOnlyList<string> Missing(string input, string output) => MissingWords(StripLabels(input, out _), output);

    /// <summary>The words of <paramref name="expected"/>, labels included, that <paramref name="output"/> has fewer of.</summary>
    public static IReadOnlyList<string> MissingWords(string expected, string output)
    {
        var have = Count(output);
        var missing = new List<string>();
        foreach (var (word, count) in Count(expected))
        {
            have.TryGetValue(word, out var available);
            if (available < count) missing.Add($"{word} ×{count - available}");
        }
        return missing;
    }

    /// <summary>As <see cref="Missing(string, string)"/>, with the parameter words of a parsed spec counted as kept.</summary>
    public static IReadOnlyList<string> Missing(string input, string output, Core.Spec.ShotSpec parsed)
    {
        StripLabels(input, out var parameters);
        var extra = new StringBuilder(output);
        foreach (var parameter in parameters)
        {
            extra.Append(' ').Append(parameter switch
            {
                "model" => parsed.Model,
                "size" => parsed.Size,
                _ => parsed.Seconds.ToString(CultureInfo.InvariantCulture),
            });
        }
        return Missing(input, extra.ToString());
    }

    public static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            string? word = null;
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                word = text[start..i].ToLowerInvariant();
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                word = NormaliseNumber(text[start..i]);
                // "2.4s" and "2.4" are one word: the renderer writes times in its own unit style.
                if (i < text.Length && text[i] is 's' or 'S' && (i + 1 == text.Length || !char.IsLetter(text[i + 1]))) i++;
            }
            else
            {
                i++;
            }
            if (word is not null) counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return counts;
    }

    /// <summary>"007.50" and "7.5" are one word: leading zeros and trailing decimal zeros do not count.</summary>
    private static string NormaliseNumber(string number)
    {
        var dot = number.IndexOf('.');
        var integer = (dot < 0 ? number : number[..dot]).TrimStart('0');
        var fraction = dot < 0 ? "" : number[(dot + 1)..].TrimEnd('0');
        return (integer.Length == 0 ? "0" : integer) + (fraction.Length == 0 ? "" : "." + fraction);
    }

    private static string StripLabels(string input, out List<string> parameters)
    {
        parameters = [];
        var sb = new StringBuilder(input.Length);
        foreach (var raw in input.Split('\n', '\r'))
        {
            var line = raw.Trim().TrimStart('#');
            // A header may carry another after its colon: "Actions: Dialogue: x".
            while (TryStripLabel(ref line, parameters))
            {
            }
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static bool TryStripLabel(ref string line, List<string> parameters)
    {
        line = line.TrimStart();
        if (line.StartsWith("**", StringComparison.Ordinal) || line.StartsWith("__", StringComparison.Ordinal)) line = line[2..];
        foreach (var label in Labels)
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = line[label.Length..].TrimStart('*', '_', ' ', '\t');
            var bracket = "";
            if (label is "optimized shot list" or "optimised shot list" or "shot list" or "camera notes" && rest.StartsWith('(') && rest.Contains(')'))
            {
                bracket = rest[..(rest.IndexOf(')') + 1)];
                rest = rest[bracket.Length..].TrimStart('*', '_', ' ', '\t');
                // The summary and "(Why It Reads)" are the renderer's own words; any other bracket is content.
                if (bracket.Any(char.IsAsciiDigit) && label != "camera notes" || bracket.Equals("(why it reads)", StringComparison.OrdinalIgnoreCase))
                    bracket = "";
            }
            if (rest.Length != 0 && rest[0] != ':') return false;
            if (label is "model" or "size" or "seconds") parameters.Add(label);
            line = bracket + " " + rest.TrimStart(':');
            return rest.Length > 0 && Headers.Contains(label);
        }
        return false;
    }
}
