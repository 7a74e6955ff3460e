using System.Text;
using System.Text.RegularExpressions;

namespace SoraStudio.Core.Advice;

/// <summary>Splits a text into clauses (at punctuation and "and", "then", "while", "as") and joins a subset back.</summary>
internal static partial class Clauses
{
    public readonly record struct Clause(int Start, int End)
    {
        public bool Contains(int index) => index >= Start && index < End;
    }

    public static IReadOnlyList<Clause> Split(string text)
    {
        var clauses = new List<Clause>();
        var start = 0;
        foreach (Match separator in Separator().Matches(text))
        {
            clauses.Add(new(start, separator.Index));
            start = separator.Index + separator.Length;
        }
        clauses.Add(new(start, text.Length));
        return clauses;
    }

    /// <summary>
    /// The text with only the kept clauses, each preceded by the separator it had; a text that began with a
    /// capital letter still does, and a closing full stop is kept.
    /// </summary>
    public static string Keep(string text, IReadOnlyList<Clause> clauses, Func<Clause, string?> keep)
    {
        var sb = new StringBuilder(text.Length);
        var previousEnd = 0;
        for (var i = 0; i < clauses.Count; i++)
        {
            var kept = keep(clauses[i]);
            if (kept is not null && kept.Trim().Length > 0)
            {
                if (sb.Length > 0) sb.Append(text, previousEnd, clauses[i].Start - previousEnd);
                sb.Append(kept);
            }
            previousEnd = clauses[i].End;
        }
        var result = sb.ToString().Trim().TrimEnd(',', ';', ' ');
        if (result.Length == 0) return "";
        if (char.IsUpper(text.TrimStart()[0])) result = char.ToUpperInvariant(result[0]) + result[1..];
        var end = text.TrimEnd();
        if (end.EndsWith('.') && !result.EndsWith('.')) result += ".";
        return result;
    }

    [GeneratedRegex(@"\s*[,;.!?]+\s*(?:(?:and|then)\s+)?|\s+(?:and|then|while|as)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
