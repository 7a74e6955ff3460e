namespace SoraStudio.Core.Advice;

/// <summary>
/// Paths of the <see cref="Spec.ShotSpec"/> fields as the JSON names them, used by advice, validation
/// and continuity warnings so that the composer can point at the field concerned.
/// </summary>
public static class SpecFields
{
    public const string Model = "model";
    public const string Size = "size";
    public const string Seconds = "seconds";
    public const string Prompt = "prompt";
    public const string ReferenceImage = "referenceImage";
    public const string ReferenceImageContentType = "referenceImage.contentType";
    public const string ReferenceImageWidth = "referenceImage.width";
    public const string ReferenceImageHeight = "referenceImage.height";
    public const string Style = "style";
    public const string Scene = "scene";
    public const string CameraShot = "cinematography.cameraShot";
    public const string Angle = "cinematography.angle";
    public const string Movement = "cinematography.movement";
    public const string Lens = "cinematography.lens";
    public const string DepthOfField = "cinematography.depthOfField";
    public const string Lighting = "cinematography.lighting";
    public const string PaletteAnchors = "cinematography.paletteAnchors";
    public const string Mood = "cinematography.mood";
    public const string Actions = "actions";
    public const string Dialogue = "dialogue";
    public const string BackgroundSound = "backgroundSound";
    public const string Ultra = "ultra";

    /// <summary>The remix instruction (not part of a shot).</summary>
    public const string Instruction = "instruction";
}
