namespace SoraStudio.Core.Vocabulary;

public static partial class Vocabulary
{
    public static IReadOnlyList<LensTerm> Lenses { get; } =
    [
        new("Wide-angle lens", 24, 35, "Broader field of view, slight distortion, emphasizes space; for establishing shots, confined spaces, dynamic perspective.", "35mm lens, wide field of view"),
        new("Standard lens", 40, 50, "Natural perspective similar to human vision; for general purpose, balanced storytelling.", "50mm lens, natural perspective"),
        new("Telephoto lens", 85, 135, "Compressed perspective, shallow depth of field, isolated subject; for portraits and compressed backgrounds.", "85mm lens, compressed perspective"),
        new("Anamorphic lens", null, null, "Widescreen aspect ratio, characteristic lens flares, oval bokeh; for an epic cinematic, stylized look.", "anamorphic 2.0x lens, cinematic widescreen"),
    ];

    public static IReadOnlyList<VocabularyTerm> DepthOfField { get; } =
    [
        new("Shallow depth of field", "Narrow focus range, blurred foreground and background; isolates the subject, directs attention.", "shallow depth of field, subject sharp, background blurred"),
        new("Deep focus", "Everything sharp from foreground to background; shows spatial depth, lets the viewer explore the frame.", "deep focus, foreground and background both sharp"),
        new("Rack focus", "Focus shifts from one subject to another during the shot; redirects attention, reveals new information.", "rack focus from foreground object to background character"),
    ];
}
