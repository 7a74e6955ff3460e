using System.Text;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// The first line of a shot in the optimized shot list: <c>0.00–2.40 — "Arrival Drift" (32mm, shoulder-mounted slow dolly left)</c>.
/// Read back with a hyphen or en dash between the times, an optional "s" unit, an em dash, en dash, hyphen or colon
/// before the title, and the title and the bracket each optional. The bracket is "lens, camera move": the lens is
/// everything before the first comma.
/// </summary>
internal static class ShotSegmentLine
{
    public ref struct Parts
    {
        public double Start;
        public double End;
        public ReadOnlySpan<char> Title;
        public ReadOnlySpan<char> Lens;
        public ReadOnlySpan<char> Move;

        /// <summary>Text after the title and bracket that belongs to the description.</summary>
        public ReadOnlySpan<char> Rest;
    }

    public static bool TryParse(ReadOnlySpan<char> line, out Parts parts)
    {
        parts = default;
        var pos = 0;
        if (!SecondsText.TryRead(line, ref pos, out parts.Start)) return false;
        SecondsText.SkipUnit(line, ref pos);
        SkipSpaces(line, ref pos);
        if (pos >= line.Length || !SecondsText.IsDash(line[pos])) return false;
        pos++;
        SkipSpaces(line, ref pos);
        if (!SecondsText.TryRead(line, ref pos, out parts.End)) return false;
        SecondsText.SkipUnit(line, ref pos);
        if (pos < line.Length && !char.IsWhiteSpace(line[pos]) && !IsSeparator(line[pos])) return false;
        SkipSpaces(line, ref pos);
        if (pos < line.Length && IsSeparator(line[pos])) pos++;
        var rest = line[pos..].Trim();

        if (rest.Length > 0 && IsQuote(rest[0]))
        {
            var close = rest[1..].IndexOfAny('"', '”', '“');
            if (close < 0)
            {
                parts.Rest = rest;
                return true;
            }
            parts.Title = rest.Slice(1, close).Trim();
            rest = rest[(close + 2)..].Trim();
        }
        if (rest.Length >= 2 && rest[0] == '(' && rest[^1] == ')')
        {
            var inner = rest[1..^1];
            var comma = inner.IndexOf(',');
            parts.Lens = (comma < 0 ? inner : inner[..comma]).Trim();
            parts.Move = comma < 0 ? default : inner[(comma + 1)..].Trim();
            rest = default;
        }
        parts.Rest = rest;
        return true;
    }

    public static void AppendTimes(StringBuilder sb, double start, double end)
    {
        SecondsText.Append(sb, start, 2);
        sb.Append('–');
        SecondsText.Append(sb, end, 2);
    }

    private static bool IsSeparator(char c) => SecondsText.IsDash(c) || c is ':' or '|';

    private static bool IsQuote(char c) => c is '"' or '“' or '”';

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
    }
}
