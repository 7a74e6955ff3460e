using System.Globalization;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// "Model: sora-2-pro", "Size: 720x1280", "Seconds: 8" as the guide's use-case examples write them above the
/// prompt: generation parameters, not prompt text. A value that is not a parameter leaves the line as text, and
/// so do all lines of a parameter given twice with different values (no value is dropped for another): the
/// parser then reads the text again with that parameter in <see cref="Conflicts"/>.
/// </summary>
internal sealed class GenerationDraft(IReadOnlySet<PromptLabel>? textOnly = null)
{
    public string? Model { get; private set; }
    public string? Size { get; private set; }
    public int? Seconds { get; private set; }

    /// <summary>The parameters given twice with different values.</summary>
    public HashSet<PromptLabel> Conflicts { get; } = [];

    public bool IsTextOnly(PromptLabel field) => textOnly?.Contains(field) == true;

    public bool TrySet(PromptLabel field, ReadOnlySpan<char> value)
    {
        if (IsTextOnly(field)) return false;
        switch (field)
        {
            case PromptLabel.Model when IsModelId(value):
                Model = Set(field, Model, value.ToString());
                return true;
            case PromptLabel.Size when TryReadSize(value, out var size):
                Size = Set(field, Size, size);
                return true;
            case PromptLabel.Seconds when value.Length is > 0 and <= 4 && !value.ContainsAnyExceptInRange('0', '9')
                                           && int.Parse(value, CultureInfo.InvariantCulture) is > 0 and var seconds:
                if (Seconds is { } earlier && earlier != seconds) Conflicts.Add(field);
                Seconds = seconds;
                return true;
            default:
                return false;
        }
    }

    private string Set(PromptLabel field, string? earlier, string value)
    {
        if (earlier is not null && earlier != value) Conflicts.Add(field);
        return value;
    }

    private static bool IsModelId(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 64 || !char.IsAsciiLetter(value[0])) return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_')) return false;
        }
        return true;
    }

    private static bool TryReadSize(ReadOnlySpan<char> value, out string size)
    {
        size = "";
        var x = value.IndexOfAny('x', 'X', '×');
        if (x is < 2 or > 5 || value.Length - x - 1 is < 2 or > 5) return false;
        var width = value[..x];
        var height = value[(x + 1)..];
        if (width.ContainsAnyExceptInRange('0', '9') || height.ContainsAnyExceptInRange('0', '9')) return false;
        size = string.Concat(width, "x", height);
        return true;
    }
}
