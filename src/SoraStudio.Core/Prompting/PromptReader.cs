using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// Reads prompt text line by line into the sections of a <see cref="ShotSpec"/>. One pass, no backtracking:
/// each line is a header, a labelled line, the continuation of the labelled line above it, or the body of the
/// section it is in; whatever has no other place becomes scene prose.
/// </summary>
internal sealed class PromptReader(GenerationDraft generation)
{
    private readonly TextBlock _style = new();
    private readonly TextBlock _scene = new();
    private readonly CinematographyDraft _cinematography = new();
    private readonly List<BeatDraft> _beats = [];
    private readonly List<DialogueLine> _dialogue = [];
    private readonly TextBlock _backgroundSound = new();
    private readonly UltraDraft _ultra = new();
    private readonly GenerationDraft _generation = generation;

    private PromptLabel _section = PromptLabel.None;
    private PromptLabel _openField = PromptLabel.None;
    private bool _beatOpen;
    private bool _justAfterActionsHeader;
    private SegmentDraft? _segment;
    private int _line;
    private int _lastBlankLine = -1;

    public ShotSpec Read(string text, ShotSpec baseSpec)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start <= span.Length)
        {
            var length = span[start..].IndexOfAny('\n', '\r');
            var end = length < 0 ? span.Length : start + length;
            ReadLine(span[start..end].Trim());
            if (end < span.Length && span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n') end++;
            start = end + 1;
            _line++;
        }
        return Build(baseSpec);
    }

    private void ReadLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            _lastBlankLine = _line;
            _openField = PromptLabel.None;
            _beatOpen = false;
            _justAfterActionsHeader = false;
            return;
        }
        while (PromptLabels.TryMatchHeader(line, out var header, out var tail, out var inline))
        {
            EnterSection(header, tail);
            if (inline.IsEmpty) return;
            line = inline;
        }
        if (_section == PromptLabel.ShotList && ShotSegmentLine.TryParse(line, out var parts) && !StartsLikeAnotherLine(parts.Rest))
        {
            _openField = PromptLabel.None;
            _segment = new SegmentDraft(parts);
            _ultra.Segments.Add(_segment);
            _segment.Body.Append(parts.Rest, _line, "\n");
            return;
        }
        if (ReadsFields())
        {
            if (PromptLabels.TryMatchField(line, out var field, out var value))
            {
                if (ApplyField(field, value, line))
                {
                    _beatOpen = false;
                    _justAfterActionsHeader = false;
                    return;
                }
                if (_generation.IsTextOnly(field))
                {
                    // Every line of a conflicting parameter stays a line of scene text, so that the text
                    // rendered from this spec shows the conflict again.
                    _openField = PromptLabel.None;
                    _beatOpen = false;
                    _justAfterActionsHeader = false;
                    AddScene(line);
                    return;
                }
            }
            if (_openField != PromptLabel.None && !Bullet.TryStrip(line, out _))
            {
                Continue(line);
                return;
            }
        }
        _openField = PromptLabel.None;
        ReadBody(line);
        _justAfterActionsHeader = false;
    }

    /// <summary>Labelled lines are read in the five-part sections, and in a shot list before its first shot.</summary>
    private bool ReadsFields() => _section switch
    {
        PromptLabel.None or PromptLabel.Cinematography or PromptLabel.Actions or PromptLabel.Dialogue
            or PromptLabel.BackgroundSound => true,
        PromptLabel.ShotList => _segment is null,
        _ => false,
    };

    private void EnterSection(PromptLabel header, ReadOnlySpan<char> tail)
    {
        _section = header;
        _openField = PromptLabel.None;
        _beatOpen = false;
        _justAfterActionsHeader = header == PromptLabel.Actions;
        _segment = null;
        if (tail.IsEmpty) return;
        // The renderer writes these brackets itself; any other bracket is content.
        if (header == PromptLabel.ShotList && !IsShotListSummary(tail)) AddScene(tail);
        if (header == PromptLabel.CameraNotes && !IsWhyItReads(tail)) Paragraph(_ultra.CameraNotes, tail);
    }

    private bool ApplyField(PromptLabel field, ReadOnlySpan<char> value, ReadOnlySpan<char> line)
    {
        switch (field)
        {
            case PromptLabel.Model or PromptLabel.Size or PromptLabel.Seconds:
                if (!_generation.TrySet(field, value)) return false;
                _openField = PromptLabel.None;
                return true;
            case PromptLabel.Prompt:
                // "Prompt: Actions: x" stays as written: without its label the line would read as a header.
                var prompt = Unquote(value);
                AddScene(PromptLabels.ReadsAsLabel(prompt) ? line : prompt);
                break;
            case PromptLabel.Style:
                _style.Append(value, _line, PromptLabels.LineBreakBefore(value));
                break;
            default:
                _cinematography.Add(field, value, _line, continuation: false);
                break;
        }
        _openField = field;
        return true;
    }

    private void Continue(ReadOnlySpan<char> line)
    {
        switch (_openField)
        {
            case PromptLabel.Prompt:
                AddScene(line);
                break;
            case PromptLabel.Style:
                _style.Append(line, _line, "\n");
                break;
            default:
                _cinematography.Add(_openField, line, _line, continuation: true);
                break;
        }
    }

    private void ReadBody(ReadOnlySpan<char> line)
    {
        switch (_section)
        {
            case PromptLabel.Actions:
                ReadAction(line);
                break;
            case PromptLabel.Dialogue:
                var content = Bullet.TryStrip(line, out var afterBullet) ? afterBullet : line;
                if (DialogueSyntax.TryParse(content, out var spoken)) _dialogue.Add(spoken);
                else AddScene(line);
                break;
            case PromptLabel.BackgroundSound:
                Paragraph(_backgroundSound, line);
                break;
            case PromptLabel.GradePalette:
                if (!_ultra.TrySetGrade(line)) Paragraph(_ultra.GradeNotes, line);
                break;
            case PromptLabel.LocationAndFraming:
                if (!_ultra.TrySetLocation(line)) Paragraph(_ultra.Setting, line);
                break;
            case PromptLabel.ShotList:
                if (_segment is null) AddScene(line);
                else Paragraph(_segment.Body, line);
                break;
            case PromptLabel.None or PromptLabel.Cinematography:
                AddScene(line);
                break;
            default:
                Paragraph(_ultra.Text(_section), line);
                break;
        }
    }

    private void ReadAction(ReadOnlySpan<char> line)
    {
        var isBullet = Bullet.TryStrip(line, out var content);
        if (!isBullet && !_justAfterActionsHeader)
        {
            if (!_beatOpen)
            {
                AddScene(line);
                return;
            }
            var beat = _beats[^1];
            if (!beat.Text.IsEmpty || beat.Start is not null || beat.End is not null)
            {
                beat.Text.Append(line, _line, "\n");
                return;
            }
            // Below an empty "-", the first line of text is the beat's own and may carry its timing.
            _beats.RemoveAt(_beats.Count - 1);
        }
        if (!isBullet) content = line;
        // A spoken line among the actions (the guide's complete example) stays a beat, in its place between the
        // actions: moving it to the dialogue would lose the timing the author gave it.
        if (BeatTiming.TryParse(content, out var start, out var end, out var rest)) AddBeat(rest, start, end);
        else AddBeat(content, null, null);
    }

    private void AddBeat(ReadOnlySpan<char> text, double? start, double? end)
    {
        var beat = new BeatDraft(start, end);
        beat.Text.Append(text, _line, "\n");
        _beats.Add(beat);
        _beatOpen = true;
    }

    /// <summary>Scene prose keeps its line breaks; text from elsewhere starts a new paragraph.</summary>
    private void AddScene(ReadOnlySpan<char> line) =>
        _scene.Append(line, _line, _scene.LastLine == _line - 1 || _scene.LastLine == _line ? "\n" : "\n\n");

    /// <summary>Section text keeps its line breaks and its blank lines (one at most).</summary>
    private void Paragraph(TextBlock block, ReadOnlySpan<char> line) =>
        block.Append(line, _line, _lastBlankLine > block.LastLine ? "\n\n" : "\n");

    /// <summary>
    /// Text after a shot's times that would read as a header or another shot once written on the description's own
    /// line: the whole line is then text of the shot above instead.
    /// </summary>
    private static bool StartsLikeAnotherLine(ReadOnlySpan<char> rest) =>
        PromptLabels.TryMatchHeader(rest, out _, out _, out _) || ShotSegmentLine.TryParse(rest, out _);

    private static bool IsShotListSummary(ReadOnlySpan<char> tail) =>
        tail.IndexOfAnyInRange('0', '9') >= 0
        && (tail.Contains("shot", StringComparison.OrdinalIgnoreCase) || tail.Contains("total", StringComparison.OrdinalIgnoreCase));

    private static bool IsWhyItReads(ReadOnlySpan<char> tail) =>
        PromptLabels.MatchPhrase(tail, 0, "( why it reads )", out var end) && end == tail.Length;

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> value) =>
        value.Length >= 2 && value[0] is '"' or '“' && value[^1] is '"' or '”' ? value[1..^1].Trim() : value;

    private ShotSpec Build(ShotSpec baseSpec)
    {
        var beats = new Beat[_beats.Count];
        for (var i = 0; i < beats.Length; i++) beats[i] = new Beat(_beats[i].Text.ToString(), _beats[i].Start, _beats[i].End);
        return new ShotSpec
        {
            Model = _generation.Model ?? baseSpec.Model,
            Size = _generation.Size ?? baseSpec.Size,
            Seconds = _generation.Seconds ?? baseSpec.Seconds,
            ReferenceImage = baseSpec.ReferenceImage,
            Style = _style.ToString(),
            Scene = _scene.ToString(),
            Cinematography = _cinematography.Build(),
            Actions = beats,
            Dialogue = _dialogue,
            BackgroundSound = _backgroundSound.ToString(),
            Ultra = _ultra.Build(),
        };
    }
}
