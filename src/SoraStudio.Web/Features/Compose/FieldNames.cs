using SoraStudio.Core.Advice;

namespace SoraStudio.Web.Features.Compose;

/// <summary>The composer's names for the spec's field paths, as its labels show them.</summary>
public static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [SpecFields.Model] = "Model",
        [SpecFields.Size] = "Size",
        [SpecFields.Seconds] = "Duration",
        [SpecFields.Prompt] = "Prompt",
        [SpecFields.ReferenceImage] = "Reference image",
        [SpecFields.Style] = "Style",
        [SpecFields.Scene] = "Scene",
        ["cinematography"] = "Cinematography",
        [SpecFields.CameraShot] = "Camera shot",
        [SpecFields.Angle] = "Angle",
        [SpecFields.Movement] = "Camera movement",
        [SpecFields.Lens] = "Lens",
        [SpecFields.DepthOfField] = "Depth of field",
        [SpecFields.Lighting] = "Lighting",
        [SpecFields.PaletteAnchors] = "Palette anchors",
        [SpecFields.Mood] = "Mood",
        [SpecFields.Actions] = "Actions",
        [SpecFields.Dialogue] = "Dialogue",
        [SpecFields.BackgroundSound] = "Background sound",
        [SpecFields.Ultra] = "Ultra-detailed brief",
    };

    /// <summary>"actions[2].text" → "Actions"; the longest known prefix names a path.</summary>
    public static string Of(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (Names.TryGetValue(p, out var name)) return name;
        return path;
    }

    private static string Parent(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut < 0 ? "" : path[..cut];
    }
}
