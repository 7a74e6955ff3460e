using System.Text;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// The optional timing in front of an action beat: <c>(0–2s)</c> for a span, <c>(at 2s)</c> for a start,
/// <c>(until 3s)</c> for an end. Read back also: square brackets, a hyphen or em dash, <c>(0s–2s)</c> and
/// <c>(2s)</c>. Not "(1 to 2s)": the renderer would write the "to" as a dash, and no word is ever dropped.
/// </summary>
internal static class BeatTiming
{
    public static bool TryParse(ReadOnlySpan<char> content, out double? start, out double? end, out ReadOnlySpan<char> rest)
    {
        start = null;
        end = null;
        rest = content;
        if (content.IsEmpty || content[0] is not ('(' or '[')) return false;
        var close = content.IndexOf(content[0] == '(' ? ')' : ']');
        if (close < 0) return false;
        var inner = content[1..close].Trim();
        if (!TryParseInner(inner, out start, out end)) return false;
        rest = content[(close + 1)..].Trim();
        return true;
    }

    public static void Append(StringBuilder sb, double? start, double? end)
    {
        sb.Append('(');
        if (start is { } s && end is { } e)
        {
            SecondsText.Append(sb, s, 0);
            sb.Append('–');
            SecondsText.Append(sb, e, 0);
        }
        else if (start is { } at)
        {
            sb.Append("at ");
            SecondsText.Append(sb, at, 0);
        }
        else if (end is { } until)
        {
            sb.Append("until ");
            SecondsText.Append(sb, until, 0);
        }
        sb.Append("s)");
    }

    private static bool TryParseInner(ReadOnlySpan<char> inner, out double? start, out double? end)
    {
        start = null;
        end = null;
        var pos = 0;
        if (TryWord(inner, "at", ref pos) || TryWord(inner, "until", ref pos))
        {
            var isStart = pos > 0 && char.ToLowerInvariant(inner[0]) == 'a';
            if (!SecondsText.TryRead(inner, ref pos, out var value) || !SecondsText.SkipUnit(inner, ref pos) || pos != inner.Length)
                return false;
            if (isStart) start = value;
            else end = value;
            return true;
        }
        if (!SecondsText.TryRead(inner, ref pos, out var first)) return false;
        var firstHasUnit = SecondsText.SkipUnit(inner, ref pos);
        SkipSpaces(inner, ref pos);
        if (pos == inner.Length)
        {
            if (!firstHasUnit) return false;
            start = first;
            return true;
        }
        if (!SecondsText.IsDash(inner[pos])) return false;
        pos++;
        SkipSpaces(inner, ref pos);
        if (!SecondsText.TryRead(inner, ref pos, out var second) || !SecondsText.SkipUnit(inner, ref pos) || pos != inner.Length)
            return false;
        start = first;
        end = second;
        return true;
    }

    /// <summary>A word followed by white space, then the white space skipped.</summary>
    private static bool TryWord(ReadOnlySpan<char> text, string word, ref int pos)
    {
        var end = pos + word.Length;
        if (end >= text.Length || !text[pos..end].Equals(word, StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(text[end]))
            return false;
        pos = end;
        SkipSpaces(text, ref pos);
        return true;
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
    }
}
