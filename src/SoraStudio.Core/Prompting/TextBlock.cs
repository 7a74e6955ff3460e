using System.Text;

namespace SoraStudio.Core.Prompting;

/// <summary>Text gathered line by line while parsing, remembering the last line it took.</summary>
internal sealed class TextBlock
{
    private StringBuilder? _text;

    /// <summary>The number of the last line appended, or -1.</summary>
    public int LastLine { get; private set; } = -1;

    public bool IsEmpty => _text is null || _text.Length == 0;

    /// <summary>Appends <paramref name="text"/>, after <paramref name="separator"/> unless the block is empty.</summary>
    public void Append(ReadOnlySpan<char> text, int lineNumber, string separator)
    {
        if (text.IsEmpty) return;
        _text ??= new StringBuilder(Math.Max(16, text.Length));
        if (_text.Length > 0) _text.Append(separator);
        _text.Append(text);
        LastLine = lineNumber;
    }

    public override string ToString() => _text?.ToString() ?? "";
}
