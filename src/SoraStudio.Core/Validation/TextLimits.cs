namespace SoraStudio.Core.Validation;

/// <summary>
/// How much text the studio takes, one set for the composer, the automation API and the importers. The Videos API takes
/// a prompt of at most <see cref="Prompt"/> characters, so one section may hold a whole prompt (a pasted prompt without
/// labels lands in a single field) and the rendered prompt is what binds the sum. The rest keeps every page loadable.
/// </summary>
public static class TextLimits
{
    /// <summary>The rendered prompt, and a remix instruction: the contract's limit.</summary>
    public const int Prompt = 32_000;

    /// <summary>Any text field of a shot's spec or of a style bible (style, scene, a beat, a grade line…).</summary>
    public const int Field = Prompt;

    /// <summary>A project's name, a shot's title, a style bible character's name: one line, no control characters.</summary>
    public const int Name = 200;

    /// <summary>A project's description.</summary>
    public const int Description = 4_000;

    /// <summary>A shot's notes.</summary>
    public const int Notes = 20_000;

    /// <summary>Entries of one list: beats, dialogue lines, palette anchors, shot-list segments, characters.</summary>
    public const int Items = 100;

    /// <summary>A reference image's file name.</summary>
    public const int FileName = 255;

    /// <summary>A name or title: no control character at all (no NUL, no line break, no escape).</summary>
    public static bool IsSingleLine(string text) => !text.Any(char.IsControl);

    /// <summary>Prose: line breaks and tabs are text; other control characters (NUL, escape, bell…) are not.</summary>
    public static bool IsPlainText(string text) => !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>Why <paramref name="text"/> is refused as prose of at most <paramref name="max"/> characters, or null.</summary>
    public static string? CheckProse(string text, int max = Field) =>
        text.Length > max ? TooLong(max, text.Length)
        : !IsPlainText(text) ? "Control characters (such as NUL or escape) are not allowed here."
        : null;

    /// <summary>Why <paramref name="text"/> is refused as a name or title of at most <paramref name="max"/> characters, or null.</summary>
    public static string? CheckName(string text, int max = Name) =>
        text.Length > max ? TooLong(max, text.Length)
        : !IsSingleLine(text) ? "Control characters (such as NUL or a line break) are not allowed in a name or title."
        : null;

    public static string TooLong(int max, int length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"At most {max:N0} characters; this has {length:N0}.");

    public static string TooMany(int count) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"At most {Items:N0} entries; this has {count:N0}.");
}
