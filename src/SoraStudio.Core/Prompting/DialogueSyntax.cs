using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// A spoken line: <c>Speaker (delivery): "text"</c> or <c>Speaker says quietly: "text"</c> (the delivery is then
/// "says quietly"). It is a dialogue line only when a colon is followed by an opening quote and the line ends
/// with a closing quote; everything between the quotes is the text, inner quotes included.
/// </summary>
internal static class DialogueSyntax
{
    private static readonly string[] SpeechVerbs =
    [
        "says", "say", "said", "asks", "asked", "whispers", "whispered", "shouts", "shouted", "yells", "yelled",
        "replies", "replied", "murmurs", "mutters", "calls", "sings", "exclaims", "answers", "adds",
    ];

    public static bool TryParse(ReadOnlySpan<char> content, out DialogueLine line)
    {
        line = null!;
        if (content.Length < 3 || !IsQuote(content[^1])) return false;
        var colon = -1;
        var open = -1;
        for (var i = content.IndexOf(':'); i >= 0 && i < content.Length - 1;)
        {
            var j = i + 1;
            while (j < content.Length && char.IsWhiteSpace(content[j])) j++;
            if (j < content.Length - 1 && IsQuote(content[j]))
            {
                colon = i;
                open = j;
                break;
            }
            var next = content[(i + 1)..].IndexOf(':');
            i = next < 0 ? -1 : i + 1 + next;
        }
        if (colon < 0) return false;
        var text = content[(open + 1)..^1].Trim();
        SplitHead(content[..colon].Trim(), out var speaker, out var delivery);
        line = new DialogueLine(speaker.ToString(), text.ToString(), delivery.ToString());
        return true;
    }

    /// <summary>Whether a delivery reads as a verb after the speaker ("says quietly") rather than in brackets.</summary>
    public static bool StartsWithSpeechVerb(ReadOnlySpan<char> delivery)
    {
        foreach (var verb in SpeechVerbs)
        {
            if (delivery.Length >= verb.Length && delivery[..verb.Length].Equals(verb, StringComparison.OrdinalIgnoreCase)
                && (delivery.Length == verb.Length || char.IsWhiteSpace(delivery[verb.Length])))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether "Speaker says quietly" reads back as this speaker and delivery: the delivery starts with a speech verb,
    /// the speaker has none, and the line does not end in a bracket that would be read as the delivery.
    /// </summary>
    public static bool ReadsBackAsVerbForm(string speaker, string delivery)
    {
        var d = delivery.AsSpan().Trim();
        if (!StartsWithSpeechVerb(d)) return false;
        if (d[^1] == ')' && (d.Contains('(') || speaker.Contains('('))) return false;
        var s = speaker.AsSpan();
        for (var i = 0; i < s.Length; i++)
        {
            if ((i == 0 || char.IsWhiteSpace(s[i - 1])) && StartsWithSpeechVerb(s[i..])) return false;
        }
        return true;
    }

    private static void SplitHead(ReadOnlySpan<char> head, out ReadOnlySpan<char> speaker, out ReadOnlySpan<char> delivery)
    {
        var paren = head.IndexOf('(');
        if (paren >= 0 && head[^1] == ')')
        {
            speaker = head[..paren].Trim();
            delivery = head[(paren + 1)..^1].Trim();
            return;
        }
        for (var i = 0; i < head.Length; i++)
        {
            if ((i == 0 || char.IsWhiteSpace(head[i - 1])) && StartsWithSpeechVerb(head[i..]))
            {
                speaker = head[..i].Trim();
                delivery = head[i..].Trim();
                return;
            }
        }
        speaker = head;
        delivery = default;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”';
}
