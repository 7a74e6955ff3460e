using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide's cinematography: "Define camera framing, angle, lens characteristics", and "one clear camera move" per
/// shot. A shot that says nothing about the camera (no framing, angle or movement, no move in its prose, no
/// ultra-detailed shot list or camera notes) leaves all of it to the model. No fix: the framing is the user's choice.
/// </summary>
public sealed class NoCameraRule : IAdviceRule
{
    public string Code => "no-camera";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var c = spec.Cinematography;
        if (Has(c.CameraShot) || Has(c.Angle) || Has(c.Movement) || Has(spec.Ultra.CameraNotes) || !spec.Ultra.ShotList.IsEmpty) yield break;
        if (CameraMoves.InProse(spec.Scene).Count > 0 || spec.Actions.Any(b => CameraMoves.InProse(b.Text ?? "").Count > 0)) yield break;
        yield return new Advice(Code,
            "No camera direction: name the framing and angle (e.g. \"wide shot, low angle\") and one clear camera move "
            + "(or \"static\"), or the model picks them for you.",
            SpecFields.CameraShot, AdviceSeverity.Info);
    }

    private static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);
}
