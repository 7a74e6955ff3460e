namespace SoraStudio.Web.Features.Takes;

/// <summary>A ready-made remix instruction for one of the guide's remix cases: one change, anchored.</summary>
public sealed record RemixCase(string Label, string Icon, string Instruction);

public static class RemixCases
{
    /// <summary>The guide's remix cases: lens, lighting, palette, camera move, action timing, wardrobe, background.</summary>
    public static IReadOnlyList<RemixCase> All { get; } =
    [
        new("Lens", "camera", "Same shot, switch to an 85mm lens."),
        new("Lighting", "wb_sunny", "Same shot, warm golden-hour backlight."),
        new("Palette", "palette", "Same shot, new palette: teal, sand, rust."),
        new("Camera move", "videocam", "Same shot, slow dolly-in instead of a static frame."),
        new("Action timing", "timer", "Same shot, the action happens at half speed."),
        new("Wardrobe", "checkroom", "Same shot, a red raincoat for the main character."),
        new("Background", "landscape", "Same shot, a rain-soaked city street at night behind the action."),
    ];
}
