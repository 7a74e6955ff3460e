namespace SoraStudio.Core.Prompting;

/// <summary>A list item: "- text", "* text", "• text" or "– text" (a lone "-" is an empty item).</summary>
internal static class Bullet
{
    public static bool TryStrip(ReadOnlySpan<char> line, out ReadOnlySpan<char> content)
    {
        if (line.Length > 0 && line[0] is '-' or '*' or '•' or '–' && (line.Length == 1 || char.IsWhiteSpace(line[1])))
        {
            content = line[1..].Trim();
            return true;
        }
        content = line;
        return false;
    }
}
