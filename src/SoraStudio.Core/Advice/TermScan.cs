using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>Finds the terms of a curated list anywhere in a shot's text, spoken lines included.</summary>
internal static class TermScan
{
    // A keystroke in the composer changes one field; every other text of the spec is the same string instance as
    // before. Keeping each text's matches beside the string (weakly, so they go when it does) makes advising a
    // keystroke cost one field's scan instead of the whole spec's (docs/PERFORMANCE.md).
    private static readonly ConditionalWeakTable<string, ConcurrentDictionary<Regex, Match[]>> Memo = new();

    /// <summary>The matches of <paramref name="pattern"/> in <paramref name="text"/>, remembered for that string instance.</summary>
    public static Match[] MatchesIn(Regex pattern, string text)
    {
        if (text.Length == 0)
            return [];
        return Memo.GetValue(text, static _ => new ConcurrentDictionary<Regex, Match[]>())
            .GetOrAdd(pattern, static (p, t) => CannotMatch(p, t) ? [] : p.Matches(t).ToArray(), text);
    }

    // A text holding none of a pattern's leading words cannot match it. Finding that out with a vectorised
    // search is far cheaper than running a case-insensitive regex over every field on every keystroke
    // (docs/PERFORMANCE.md).
    private static readonly ConditionalWeakTable<Regex, SearchValues<string>> LeadingWords = new();

    /// <summary>Builds a whole-word, case-insensitive pattern from literal phrases (spaces match any whitespace or a hyphen).</summary>
    public static Regex Literal(IEnumerable<string> phrases)
    {
        var list = phrases.ToList();
        var pattern = new Regex(
            @"\b(?:" + string.Join("|", list.OrderByDescending(p => p.Length)
                .Select(p => Regex.Escape(p).Replace(@"\ ", @"[\s-]+"))) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return Guarded(pattern, [.. list.Select(p => p.Split(' ')[0])]);
    }

    /// <summary>
    /// Registers words one of which every match of <paramref name="pattern"/> holds at the start of a word (any
    /// case), so that <see cref="CannotMatch"/> can skip texts without them. A word may be a prefix ("impersonat").
    /// </summary>
    public static Regex Guarded(Regex pattern, params string[] leadingWords)
    {
        LeadingWords.AddOrUpdate(pattern, SearchValues.Create(
            [.. leadingWords.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase));
        return pattern;
    }

    /// <summary>True when the text holds none of the pattern's leading words at the start of a word.</summary>
    public static bool CannotMatch(Regex pattern, string text)
    {
        if (!LeadingWords.TryGetValue(pattern, out var words))
            return false;
        var rest = text.AsSpan();
        var offset = 0;
        while (rest.IndexOfAny(words) is var found and >= 0)
        {
            var at = offset + found;
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                return false;
            offset = at + 1;
            rest = text.AsSpan(offset);
        }
        return true;
    }

    /// <summary>
    /// Each distinct term found, with the first field it appears in. A match overlapping an earlier one in the same
    /// text is the same finding ("song by Coldplay" and "Coldplay"), so patterns go from the most specific.
    /// </summary>
    public static IEnumerable<(string Field, string Term)> Find(ShotSpec spec, params Regex[] patterns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in SpecText.All(spec))
        {
            if (text.Text.Length == 0) continue;
            var claimed = new List<Match>();
            foreach (var pattern in patterns)
            {
                foreach (var match in MatchesIn(pattern, text.Text))
                {
                    if (claimed.Any(c => match.Index < c.Index + c.Length && c.Index < match.Index + match.Length)) continue;
                    claimed.Add(match);
                    var term = match.Value.Trim();
                    if (seen.Add(term)) yield return (text.Field, term);
                }
            }
        }
    }
}
