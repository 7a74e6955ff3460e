using System.Text.RegularExpressions;

namespace SoraStudio.Core.Advice.Remix;

/// <summary>Reads a remix instruction: its "Same shot" anchor and the changes it asks for.</summary>
internal static partial class RemixText
{
    private static readonly HashSet<string> ChangeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "change", "changes", "switch", "add", "adds", "remove", "replace", "make", "swap", "move", "turn", "put",
        "use", "give", "shift", "set", "drop", "delete", "insert", "include",
    };

    // Adjustments start a change after a comma ("…, brighten the sky") but not after "and", where they
    // usually refine the same change ("increase contrast and deepen shadows").
    private static readonly HashSet<string> AdjustVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "increase", "decrease", "enhance", "reduce", "raise", "lower", "deepen", "brighten", "darken", "soften",
        "sharpen", "slow", "speed", "warm", "cool", "extend", "shorten", "tighten", "widen", "desaturate", "saturate",
    };

    private static readonly HashSet<string> Aspects = new(StringComparer.OrdinalIgnoreCase)
    {
        "lighting", "light", "lights", "camera", "angle", "lens", "framing", "composition", "wardrobe", "costume",
        "outfit", "clothes", "palette", "color", "colors", "colour", "colours", "background", "foreground", "weather",
        "music", "sound", "audio", "dialogue", "pacing", "expression", "hair", "makeup", "props", "setting",
        "location", "mood", "character", "characters", "time",
    };

    public static readonly string[] Anchors = ["Same shot", "Same composition", "Same framing", "Same lighting", "Same action"];

    /// <summary>The anchor at the start ("Same shot, "), with its punctuation; empty when there is none.</summary>
    public static string Anchor(string instruction)
    {
        var match = AnchorPattern().Match(instruction);
        return match.Success ? match.Value : "";
    }

    /// <summary>The change clauses after the anchor, as they stand in the instruction.</summary>
    public static IReadOnlyList<string> Changes(string instruction)
    {
        var body = instruction[Anchor(instruction).Length..];
        var masked = Mask(body);
        var changes = new List<(int Start, int End)>();
        var start = 0;
        var before = "";
        foreach (Match separator in Separator().Matches(masked))
        {
            Add(masked[start..separator.Index], start, separator.Index, before, changes);
            start = separator.Index + separator.Length;
            before = separator.Value;
        }
        Add(masked[start..], start, masked.Length, before, changes);
        return [.. changes.Select(c => body[c.Start..c.End].Trim())];
    }

    private static void Add(string part, int start, int end, string separatorBefore, List<(int Start, int End)> changes)
    {
        if (!Word().IsMatch(part)) return;
        if (changes.Count == 0 || StartsChange(part, separatorBefore)) changes.Add((start, end));
        else changes[^1] = (changes[^1].Start, end);
    }

    private static bool StartsChange(string part, string separatorBefore)
    {
        var first = Word().Matches(part).Select(m => m.Value)
            .SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (first is null) return false;
        var afterAnd = AndSeparator().IsMatch(separatorBefore);
        return ChangeVerbs.Contains(first) || Aspects.Contains(first) || (!afterAnd && AdjustVerbs.Contains(first));
    }

    /// <summary>
    /// The instruction with quoted words and colon lists ("new palette: teal, sand, rust") blanked out,
    /// so that their commas and words do not count as changes; positions are unchanged.
    /// </summary>
    private static string Mask(string text)
    {
        var masked = Quoted().Replace(text, m => new string('·', m.Length));
        return ColonList().Replace(masked, m => new string('·', m.Length));
    }

    [GeneratedRegex(@"^\s*same\s+(?:shot|composition|framing|lighting|action)\b[\s,;:.\-–—]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"\s*(?:[.!?;](?=\s|$)|,)\s*(?:(?:and|then|also|plus)\s+)*|\s+(?:and|then|also|plus|&)\s+(?:(?:then|also)\s+)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s+(?:(?:and|then|also|plus)\b|&)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex("""["“][^"“”]*["”]|(?<=^|[\s:])'[^']+'(?=$|[\s.,;!?])""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@":[^.!?;]*")]
    private static partial Regex ColonList();
}
