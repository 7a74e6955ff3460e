using FluentValidation;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Validation;

/// <summary>
/// The <see cref="TextLimits"/> of every text field and list of a shot's spec, by JSON path ("scene",
/// "actions[2].text", "ultra.shotList[0].purpose"). One walk over the fields, cheap enough for every keystroke.
/// </summary>
public sealed class SpecTextValidator : AbstractValidator<ShotSpec>
{
    public SpecTextValidator() => RuleFor(s => s).Custom((spec, context) =>
    {
        if (spec is null)
            return;
        foreach (var (path, count) in Lists(spec))
        {
            if (count > TextLimits.Items)
                context.AddFailure(path, TextLimits.TooMany(count));
        }
        foreach (var (path, text) in Texts(spec))
        {
            if (TextLimits.CheckProse(text ?? "") is { } problem)
                context.AddFailure(path, problem);
        }
        if (spec.ReferenceImage is { FileName: var name } && TextLimits.CheckName(name ?? "", TextLimits.FileName) is { } nameProblem)
            context.AddFailure("referenceImage.fileName", nameProblem);
    });

    private static IEnumerable<(string Path, int Count)> Lists(ShotSpec spec)
    {
        yield return ("cinematography.paletteAnchors", spec.Cinematography.PaletteAnchors.Count);
        yield return ("actions", spec.Actions.Count);
        yield return ("dialogue", spec.Dialogue.Count);
        yield return ("ultra.shotList", spec.Ultra.ShotList.Count);
    }

    /// <summary>Every text of the spec with its path; the lists only up to their limit, so a huge list costs no more.</summary>
    private static IEnumerable<(string Path, string Text)> Texts(ShotSpec spec)
    {
        yield return ("style", spec.Style);
        yield return ("scene", spec.Scene);
        var c = spec.Cinematography;
        yield return ("cinematography.cameraShot", c.CameraShot);
        yield return ("cinematography.angle", c.Angle);
        yield return ("cinematography.movement", c.Movement);
        yield return ("cinematography.lens", c.Lens);
        yield return ("cinematography.depthOfField", c.DepthOfField);
        yield return ("cinematography.lighting", c.Lighting);
        yield return ("cinematography.mood", c.Mood);
        foreach (var (anchor, i) in Indexed(c.PaletteAnchors))
            yield return ($"cinematography.paletteAnchors[{i}]", anchor);
        foreach (var (beat, i) in Indexed(spec.Actions))
            yield return ($"actions[{i}].text", beat.Text);
        foreach (var (line, i) in Indexed(spec.Dialogue))
        {
            yield return ($"dialogue[{i}].speaker", line.Speaker);
            yield return ($"dialogue[{i}].text", line.Text);
            yield return ($"dialogue[{i}].delivery", line.Delivery);
        }
        yield return ("backgroundSound", spec.BackgroundSound);
        var u = spec.Ultra;
        yield return ("ultra.formatAndLook", u.FormatAndLook);
        yield return ("ultra.lensesAndFiltration", u.LensesAndFiltration);
        yield return ("ultra.grade.highlights", u.Grade.Highlights);
        yield return ("ultra.grade.mids", u.Grade.Mids);
        yield return ("ultra.grade.blacks", u.Grade.Blacks);
        yield return ("ultra.grade.notes", u.Grade.Notes);
        yield return ("ultra.lightingAndAtmosphere", u.LightingAndAtmosphere);
        yield return ("ultra.location.setting", u.Location.Setting);
        yield return ("ultra.location.foreground", u.Location.Foreground);
        yield return ("ultra.location.midground", u.Location.Midground);
        yield return ("ultra.location.background", u.Location.Background);
        yield return ("ultra.wardrobePropsExtras", u.WardrobePropsExtras);
        yield return ("ultra.sound", u.Sound);
        foreach (var (segment, i) in Indexed(u.ShotList))
        {
            yield return ($"ultra.shotList[{i}].title", segment.Title);
            yield return ($"ultra.shotList[{i}].lens", segment.Lens);
            yield return ($"ultra.shotList[{i}].cameraMove", segment.CameraMove);
            yield return ($"ultra.shotList[{i}].description", segment.Description);
            yield return ($"ultra.shotList[{i}].purpose", segment.Purpose);
        }
        yield return ("ultra.cameraNotes", u.CameraNotes);
        yield return ("ultra.finishing", u.Finishing);
    }

    private static IEnumerable<(T Item, int Index)> Indexed<T>(ValueList<T> items) => items.Take(TextLimits.Items).Select((item, i) => (item, i));
}
