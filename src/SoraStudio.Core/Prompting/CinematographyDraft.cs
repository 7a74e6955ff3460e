using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>The cinematography lines read so far; a field given twice keeps both, one per line.</summary>
internal sealed class CinematographyDraft
{
    private readonly TextBlock _shot = new();
    private readonly TextBlock _angle = new();
    private readonly TextBlock _movement = new();
    private readonly TextBlock _lens = new();
    private readonly TextBlock _depthOfField = new();
    private readonly TextBlock _lighting = new();
    private readonly TextBlock _mood = new();
    private readonly List<string> _palette = [];
    private bool _lightingIncludesPalette;

    /// <summary>
    /// Adds a labelled line's value, or with <paramref name="continuation"/> a line below it. A continuation line
    /// always joins on a new line: it was read as one, so it reads as one again.
    /// </summary>
    public void Add(PromptLabel field, ReadOnlySpan<char> value, int line, bool continuation)
    {
        switch (field)
        {
            case PromptLabel.Camera:
                AddCamera(value, line);
                break;
            case PromptLabel.Palette:
                AddPalette(value);
                break;
            case PromptLabel.LightingAndPalette:
                _lightingIncludesPalette = true;
                _lighting.Append(value, line, continuation ? "\n" : PromptLabels.LineBreakBefore(value));
                break;
            default:
                Block(field).Append(value, line, continuation ? "\n" : PromptLabels.LineBreakBefore(value));
                break;
        }
    }

    public Cinematography Build() => new()
    {
        CameraShot = _shot.ToString(),
        Angle = _angle.ToString(),
        Movement = _movement.ToString(),
        Lens = _lens.ToString(),
        DepthOfField = _depthOfField.ToString(),
        Lighting = _lighting.ToString(),
        LightingIncludesPalette = _lightingIncludesPalette,
        PaletteAnchors = _palette,
        Mood = _mood.ToString(),
    };

    /// <summary>"Camera: medium-wide shot, slow dolly-in": each part to framing, angle or movement.</summary>
    private void AddCamera(ReadOnlySpan<char> value, int line)
    {
        for (var start = 0; start < value.Length;)
        {
            var end = CameraLine.NextSeparator(value, start);
            var part = value[start..end].Trim();
            start = end + 1;
            if (part.IsEmpty) continue;
            var block = CameraLine.Classify(part) switch
            {
                CameraPart.Movement => _movement,
                CameraPart.Angle => _angle,
                _ => _shot,
            };
            block.Append(part, line, block.LastLine == line ? ", " : PromptLabels.LineBreakBefore(part));
        }
    }

    /// <summary>Anchors are separated by every comma and semicolon, brackets or not: the renderer joins them with commas.</summary>
    private void AddPalette(ReadOnlySpan<char> value)
    {
        foreach (var range in value.SplitAny(',', ';'))
        {
            var anchor = value[range].Trim();
            if (!anchor.IsEmpty) _palette.Add(anchor.ToString());
        }
    }

    private TextBlock Block(PromptLabel field) => field switch
    {
        PromptLabel.CameraShot => _shot,
        PromptLabel.Angle => _angle,
        PromptLabel.Movement => _movement,
        PromptLabel.Lens => _lens,
        PromptLabel.DepthOfField => _depthOfField,
        PromptLabel.Lighting => _lighting,
        PromptLabel.Mood => _mood,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a cinematography field."),
    };
}
