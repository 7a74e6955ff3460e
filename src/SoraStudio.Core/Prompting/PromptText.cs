using System.Text;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// Writes prompt lines: LF endings, no trailing white space, and one blank line between sections. Field text
/// is written line by line, each line trimmed; text meant for one line has its line breaks turned into spaces.
/// </summary>
internal static class PromptText
{
    public static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>Starts a section: a blank line after the previous one.</summary>
    public static void BeginSection(StringBuilder sb)
    {
        if (sb.Length > 0) sb.Append('\n');
    }

    /// <summary>"Label: first line", then the other lines as they are; blank lines are left out.</summary>
    public static void Labelled(StringBuilder sb, string label, string value)
    {
        var first = true;
        var pos = 0;
        while (NextLine(value, ref pos, out var line))
        {
            if (line.IsEmpty) continue;
            if (first) sb.Append(label).Append(": ");
            first = false;
            sb.Append(line).Append('\n');
        }
    }

    /// <summary>Paragraphs as they are, with at most one blank line between them.</summary>
    public static void Body(StringBuilder sb, string value) => Body(sb, value.AsSpan(), null);

    /// <summary>As <see cref="Body(StringBuilder, string)"/>, the first line after <paramref name="firstPrefix"/>.</summary>
    public static void Body(StringBuilder sb, ReadOnlySpan<char> value, string? firstPrefix)
    {
        var pos = 0;
        var wrote = false;
        var blank = false;
        while (NextLine(value, ref pos, out var line))
        {
            if (line.IsEmpty)
            {
                blank = wrote;
                continue;
            }
            if (blank) sb.Append('\n');
            if (!wrote && firstPrefix is not null) sb.Append(firstPrefix);
            sb.Append(line).Append('\n');
            wrote = true;
            blank = false;
        }
    }

    /// <summary>Lines without their blank lines: the continuation lines of a beat.</summary>
    public static void Lines(StringBuilder sb, ReadOnlySpan<char> value)
    {
        var pos = 0;
        while (NextLine(value, ref pos, out var line))
        {
            if (!line.IsEmpty) sb.Append(line).Append('\n');
        }
    }

    /// <summary>Text on one line: its line breaks become single spaces.</summary>
    public static void Inline(StringBuilder sb, ReadOnlySpan<char> value)
    {
        var pos = 0;
        var first = true;
        while (NextLine(value, ref pos, out var line))
        {
            if (line.IsEmpty) continue;
            if (!first) sb.Append(' ');
            sb.Append(line);
            first = false;
        }
    }

    /// <summary>The first non-blank line of <paramref name="value"/> and the text after it.</summary>
    public static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> value, out ReadOnlySpan<char> rest)
    {
        var pos = 0;
        while (NextLine(value, ref pos, out var line))
        {
            if (line.IsEmpty) continue;
            rest = value[Math.Min(pos, value.Length)..];
            return line;
        }
        rest = default;
        return default;
    }

    /// <summary>Whether the first line of <paramref name="text"/> is blank.</summary>
    public static bool StartsWithBlankLine(ReadOnlySpan<char> text)
    {
        var pos = 0;
        return NextLine(text, ref pos, out var line) && line.IsEmpty;
    }

    /// <summary>The next line from <paramref name="pos"/>, trimmed; LF, CR LF and CR all end a line.</summary>
    public static bool NextLine(ReadOnlySpan<char> text, scoped ref int pos, out ReadOnlySpan<char> line)
    {
        if (pos > text.Length || (pos == text.Length && pos > 0))
        {
            line = default;
            return false;
        }
        var rest = text[pos..];
        var length = rest.IndexOfAny('\n', '\r');
        if (length < 0)
        {
            line = rest.Trim();
            pos = text.Length + 1;
            return true;
        }
        line = rest[..length].Trim();
        pos += length + (rest[length] == '\r' && length + 1 < rest.Length && rest[length + 1] == '\n' ? 2 : 1);
        return true;
    }
}
