using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>The ultra-detailed sections read so far.</summary>
internal sealed class UltraDraft
{
    private readonly TextBlock _formatAndLook = new();
    private readonly TextBlock _lensesAndFiltration = new();
    private readonly TextBlock _lightingAndAtmosphere = new();
    private readonly TextBlock _wardrobePropsExtras = new();
    private readonly TextBlock _sound = new();
    private readonly TextBlock _finishing = new();
    private string _highlights = "";
    private string _mids = "";
    private string _blacks = "";
    private string _foreground = "";
    private string _midground = "";
    private string _background = "";

    public TextBlock CameraNotes { get; } = new();
    public TextBlock GradeNotes { get; } = new();
    public TextBlock Setting { get; } = new();
    public List<SegmentDraft> Segments { get; } = [];

    /// <summary>The block of a section whose body is kept as written.</summary>
    public TextBlock Text(PromptLabel section) => section switch
    {
        PromptLabel.FormatAndLook => _formatAndLook,
        PromptLabel.LensesAndFiltration => _lensesAndFiltration,
        PromptLabel.LightingAndAtmosphere => _lightingAndAtmosphere,
        PromptLabel.WardrobePropsExtras => _wardrobePropsExtras,
        PromptLabel.Sound => _sound,
        PromptLabel.CameraNotes => CameraNotes,
        PromptLabel.Finishing => _finishing,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a text section."),
    };

    /// <summary>"Highlights:", "Mids:", "Blacks:"; a second line with the same label stays in the notes as written.</summary>
    public bool TrySetGrade(ReadOnlySpan<char> line) =>
        PromptLabels.TryMatchLabel(line, PromptLabels.GradeLabels, out var label, out var value)
        && TrySet(ref GradeField(label), value);

    /// <summary>"Foreground:", "Midground:", "Background:"; a second line with the same label stays in the setting as written.</summary>
    public bool TrySetLocation(ReadOnlySpan<char> line) =>
        PromptLabels.TryMatchLabel(line, PromptLabels.LocationLabels, out var label, out var value)
        && TrySet(ref LocationField(label), value);

    public UltraDetail Build()
    {
        var segments = new ShotSegment[Segments.Count];
        for (var i = 0; i < segments.Length; i++) segments[i] = Segments[i].ToSegment();
        return new UltraDetail
        {
            FormatAndLook = _formatAndLook.ToString(),
            LensesAndFiltration = _lensesAndFiltration.ToString(),
            Grade = new GradePalette { Highlights = _highlights, Mids = _mids, Blacks = _blacks, Notes = GradeNotes.ToString() },
            LightingAndAtmosphere = _lightingAndAtmosphere.ToString(),
            Location = new LocationFraming
            {
                Setting = Setting.ToString(), Foreground = _foreground, Midground = _midground, Background = _background,
            },
            WardrobePropsExtras = _wardrobePropsExtras.ToString(),
            Sound = _sound.ToString(),
            ShotList = segments,
            CameraNotes = CameraNotes.ToString(),
            Finishing = _finishing.ToString(),
        };
    }

    private static bool TrySet(ref string field, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return true;
        if (field.Length > 0) return false;
        field = value.ToString();
        return true;
    }

    private ref string GradeField(PromptLabel label)
    {
        if (label == PromptLabel.Highlights) return ref _highlights;
        if (label == PromptLabel.Mids) return ref _mids;
        return ref _blacks;
    }

    private ref string LocationField(PromptLabel label)
    {
        if (label == PromptLabel.Foreground) return ref _foreground;
        if (label == PromptLabel.Midground) return ref _midground;
        return ref _background;
    }
}
