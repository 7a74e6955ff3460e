using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SoraStudio.Core.Advice;

/// <summary>Recognises an action beat that is really a spoken line: <c>Woman (laughing): "See?"</c>.</summary>
internal static partial class SpokenBeat
{
    public static bool IsSpoken(string text) => Line().IsMatch(text);

    public static bool TryGetWords(string text, [NotNullWhen(true)] out string? spoken)
    {
        var match = Line().Match(text);
        spoken = match.Success ? match.Groups["words"].Value : null;
        return match.Success;
    }

    [GeneratedRegex("""^\s*[^:"“”]{1,60}:\s*["“](?<words>[^"“”]+)["”]\s*$""")]
    private static partial Regex Line();
}
