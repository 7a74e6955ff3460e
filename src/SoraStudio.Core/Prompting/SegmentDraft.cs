using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>A shot of the optimized shot list being read: its timed line, then description and purpose lines.</summary>
internal sealed class SegmentDraft(ShotSegmentLine.Parts parts)
{
    private readonly double _start = parts.Start;
    private readonly double _end = parts.End;
    private readonly string _title = parts.Title.ToString();
    private readonly string _lens = parts.Lens.ToString();
    private readonly string _move = parts.Move.ToString();

    public TextBlock Body { get; } = new();

    /// <summary>The description ends where "Purpose:" starts, on its own line or inside the paragraph as in the guide.</summary>
    public ShotSegment ToSegment()
    {
        var body = Body.ToString();
        var purposeAt = FindPurpose(body, out var purposeText);
        return new ShotSegment
        {
            Start = _start,
            End = _end,
            Title = _title,
            Lens = _lens,
            CameraMove = _move,
            Description = purposeAt < 0 ? body : body[..purposeAt].Trim(),
            Purpose = purposeAt < 0 ? "" : body[purposeText..].Trim(),
        };
    }

    /// <summary>Where "Purpose:" starts (at the start or after white space), or -1; <paramref name="textStart"/> is after its colon.</summary>
    internal static int FindPurpose(ReadOnlySpan<char> body, out int textStart)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if ((i > 0 && !char.IsWhiteSpace(body[i - 1])) || !PromptLabels.MatchPhrase(body, i, "purpose", out var end)) continue;
            while (end < body.Length && char.IsWhiteSpace(body[end]) && body[end] != '\n') end++;
            if (end < body.Length && body[end] == ':')
            {
                textStart = end + 1;
                return i;
            }
        }
        textStart = -1;
        return -1;
    }
}
