using System.Globalization;
using System.Text;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// Reads and writes the times of beats and shot segments ("2.4", "0.00", "12s"). A time is read only
/// with up to six integer and four decimal digits, so every time read writes back without an exponent.
/// </summary>
internal static class SecondsText
{
    public static bool TryRead(ReadOnlySpan<char> text, ref int pos, out double value)
    {
        value = 0;
        var i = pos;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var integerDigits = i - pos;
        if (integerDigits is 0 or > 6) return false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i - fractionStart > 4) return false;
        }
        value = double.Parse(text[pos..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        pos = i;
        return true;
    }

    /// <summary>Skips an "s" unit right after a number ("2.4s"), but not the start of a word ("2 shots").</summary>
    public static bool SkipUnit(ReadOnlySpan<char> text, ref int pos)
    {
        if (pos < text.Length && text[pos] is 's' or 'S' && (pos + 1 == text.Length || !char.IsLetterOrDigit(text[pos + 1])))
        {
            pos++;
            return true;
        }
        return false;
    }

    /// <summary>Writes the shortest text that reads back as <paramref name="value"/>, with at least <paramref name="minDecimals"/> decimals.</summary>
    public static void Append(StringBuilder sb, double value, int minDecimals)
    {
        Span<char> buffer = stackalloc char[40];
        if (!value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
            return;
        }
        var text = buffer[..written];
        sb.Append(text);
        if (minDecimals == 0 || !double.IsFinite(value) || text.IndexOfAny('E', 'e') >= 0) return;
        var dot = text.IndexOf('.');
        var decimals = dot < 0 ? 0 : written - dot - 1;
        if (decimals >= minDecimals) return;
        if (dot < 0) sb.Append('.');
        sb.Append('0', minDecimals - decimals);
    }

    public static bool IsDash(char c) => c is '-' or '–' or '—';
}
