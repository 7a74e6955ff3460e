using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>One text field of a shot: its path, its text, and how to write a new text back.</summary>
internal sealed record SpecText(string Field, string Text, Func<ShotSpec, string, ShotSpec> With)
{
    /// <summary>Every descriptive text of the shot, in prompt order; spoken words excluded.</summary>
    public static IEnumerable<SpecText> Prose(ShotSpec spec)
    {
        yield return new(SpecFields.Style, spec.Style, (s, t) => s with { Style = t });
        yield return new(SpecFields.Scene, spec.Scene, (s, t) => s with { Scene = t });
        foreach (var text in Cinematography(spec)) yield return text;
        for (var i = 0; i < spec.Actions.Count; i++)
        {
            var index = i;
            yield return new(SpecFields.Actions, spec.Actions[i].Text,
                (s, t) => s with { Actions = s.Actions.SetItem(index, s.Actions[index] with { Text = t }) });
        }
        yield return new(SpecFields.BackgroundSound, spec.BackgroundSound, (s, t) => s with { BackgroundSound = t });
        foreach (var text in Ultra(spec.Ultra)) yield return text;
    }

    /// <summary>Everything a reader of the prompt sees: the prose, palette anchors, speakers and spoken words.</summary>
    public static IEnumerable<SpecText> All(ShotSpec spec)
    {
        foreach (var text in Prose(spec)) yield return text;
        for (var i = 0; i < spec.Cinematography.PaletteAnchors.Count; i++)
        {
            var index = i;
            yield return new(SpecFields.PaletteAnchors, spec.Cinematography.PaletteAnchors[i],
                (s, t) => s with { Cinematography = s.Cinematography with { PaletteAnchors = s.Cinematography.PaletteAnchors.SetItem(index, t) } });
        }
        for (var i = 0; i < spec.Dialogue.Count; i++)
        {
            var index = i;
            yield return new(SpecFields.Dialogue, spec.Dialogue[i].Speaker,
                (s, t) => s with { Dialogue = s.Dialogue.SetItem(index, s.Dialogue[index] with { Speaker = t }) });
            yield return new(SpecFields.Dialogue, spec.Dialogue[i].Text,
                (s, t) => s with { Dialogue = s.Dialogue.SetItem(index, s.Dialogue[index] with { Text = t }) });
        }
    }

    private static IEnumerable<SpecText> Cinematography(ShotSpec spec)
    {
        var c = spec.Cinematography;
        yield return new(SpecFields.CameraShot, c.CameraShot, (s, t) => s with { Cinematography = s.Cinematography with { CameraShot = t } });
        yield return new(SpecFields.Angle, c.Angle, (s, t) => s with { Cinematography = s.Cinematography with { Angle = t } });
        yield return new(SpecFields.Movement, c.Movement, (s, t) => s with { Cinematography = s.Cinematography with { Movement = t } });
        yield return new(SpecFields.Lens, c.Lens, (s, t) => s with { Cinematography = s.Cinematography with { Lens = t } });
        yield return new(SpecFields.DepthOfField, c.DepthOfField, (s, t) => s with { Cinematography = s.Cinematography with { DepthOfField = t } });
        yield return new(SpecFields.Lighting, c.Lighting, (s, t) => s with { Cinematography = s.Cinematography with { Lighting = t } });
        yield return new(SpecFields.Mood, c.Mood, (s, t) => s with { Cinematography = s.Cinematography with { Mood = t } });
    }

    private static IEnumerable<SpecText> Ultra(UltraDetail u)
    {
        if (u.IsEmpty) yield break;
        yield return new("ultra.formatAndLook", u.FormatAndLook, (s, t) => s with { Ultra = s.Ultra with { FormatAndLook = t } });
        yield return new("ultra.lensesAndFiltration", u.LensesAndFiltration, (s, t) => s with { Ultra = s.Ultra with { LensesAndFiltration = t } });
        yield return new("ultra.grade.highlights", u.Grade.Highlights, (s, t) => s with { Ultra = s.Ultra with { Grade = s.Ultra.Grade with { Highlights = t } } });
        yield return new("ultra.grade.mids", u.Grade.Mids, (s, t) => s with { Ultra = s.Ultra with { Grade = s.Ultra.Grade with { Mids = t } } });
        yield return new("ultra.grade.blacks", u.Grade.Blacks, (s, t) => s with { Ultra = s.Ultra with { Grade = s.Ultra.Grade with { Blacks = t } } });
        yield return new("ultra.grade.notes", u.Grade.Notes, (s, t) => s with { Ultra = s.Ultra with { Grade = s.Ultra.Grade with { Notes = t } } });
        yield return new("ultra.lightingAndAtmosphere", u.LightingAndAtmosphere, (s, t) => s with { Ultra = s.Ultra with { LightingAndAtmosphere = t } });
        yield return new("ultra.location.setting", u.Location.Setting, (s, t) => s with { Ultra = s.Ultra with { Location = s.Ultra.Location with { Setting = t } } });
        yield return new("ultra.location.foreground", u.Location.Foreground, (s, t) => s with { Ultra = s.Ultra with { Location = s.Ultra.Location with { Foreground = t } } });
        yield return new("ultra.location.midground", u.Location.Midground, (s, t) => s with { Ultra = s.Ultra with { Location = s.Ultra.Location with { Midground = t } } });
        yield return new("ultra.location.background", u.Location.Background, (s, t) => s with { Ultra = s.Ultra with { Location = s.Ultra.Location with { Background = t } } });
        yield return new("ultra.wardrobePropsExtras", u.WardrobePropsExtras, (s, t) => s with { Ultra = s.Ultra with { WardrobePropsExtras = t } });
        yield return new("ultra.sound", u.Sound, (s, t) => s with { Ultra = s.Ultra with { Sound = t } });
        for (var i = 0; i < u.ShotList.Count; i++)
        {
            var index = i;
            yield return new("ultra.shotList", u.ShotList[i].Title, (s, t) => WithSegment(s, index, g => g with { Title = t }));
            yield return new("ultra.shotList", u.ShotList[i].Description, (s, t) => WithSegment(s, index, g => g with { Description = t }));
            yield return new("ultra.shotList", u.ShotList[i].Purpose, (s, t) => WithSegment(s, index, g => g with { Purpose = t }));
        }
        yield return new("ultra.cameraNotes", u.CameraNotes, (s, t) => s with { Ultra = s.Ultra with { CameraNotes = t } });
        yield return new("ultra.finishing", u.Finishing, (s, t) => s with { Ultra = s.Ultra with { Finishing = t } });
    }

    private static ShotSpec WithSegment(ShotSpec s, int index, Func<ShotSegment, ShotSegment> change) =>
        s with { Ultra = s.Ultra with { ShotList = s.Ultra.ShotList.SetItem(index, change(s.Ultra.ShotList[index])) } };
}
