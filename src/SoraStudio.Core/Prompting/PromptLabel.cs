namespace SoraStudio.Core.Prompting;

/// <summary>Every header and labelled line the parser knows; also names the section being read.</summary>
internal enum PromptLabel
{
    None,

    // Block headers of the five-part structure.
    Cinematography,
    Actions,
    Dialogue,
    BackgroundSound,

    // Headers of the ultra-detailed structure.
    FormatAndLook,
    LensesAndFiltration,
    GradePalette,
    LightingAndAtmosphere,
    LocationAndFraming,
    WardrobePropsExtras,
    Sound,
    ShotList,
    CameraNotes,
    Finishing,

    // Labelled lines of the five-part structure ("Lens: 35mm").
    Style,
    Camera,
    CameraShot,
    Angle,
    Movement,
    Lens,
    DepthOfField,
    Lighting,
    /// <summary>The guide's "Lighting + palette:", read into the lighting field with the label kept.</summary>
    LightingAndPalette,
    Palette,
    Mood,
    Prompt,
    Model,
    Size,
    Seconds,

    // Labelled lines inside "Grade / Palette" and "Location & Framing".
    Highlights,
    Mids,
    Blacks,
    Foreground,
    Midground,
    Background,
}
