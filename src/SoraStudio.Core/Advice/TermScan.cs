using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>Finds the terms of a curated list anywhere in a shot's text, spoken lines included.</summary>
internal static class TermScan
{
    // A text holding none of a list's first words cannot match the list's pattern. Finding that out with a
    // vectorised search is far cheaper than running a large case-insensitive alternation over every field
    // on every keystroke (docs/PERFORMANCE.md).
    private static readonly ConditionalWeakTable<Regex, SearchValues<string>> FirstWords = new();

    /// <summary>Builds a whole-word, case-insensitive pattern from literal phrases (spaces match any whitespace or a hyphen).</summary>
    public static Regex Literal(IEnumerable<string> phrases)
    {
        var list = phrases.ToList();
        var pattern = new Regex(
            @"\b(?:" + string.Join("|", list.OrderByDescending(p => p.Length)
                .Select(p => Regex.Escape(p).Replace(@"\ ", @"[\s-]+"))) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        FirstWords.Add(pattern, SearchValues.Create([.. list.Select(p => p.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase)],
            StringComparison.OrdinalIgnoreCase));
        return pattern;
    }

    private static bool CannotMatch(Regex pattern, string text) =>
        FirstWords.TryGetValue(pattern, out var firstWords) && text.AsSpan().IndexOfAny(firstWords) < 0;

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
                if (CannotMatch(pattern, text.Text)) continue;
                foreach (Match match in pattern.Matches(text.Text))
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
