using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Compose;

/// <summary>A shot and what the project's style bible makes of it: the effective shot is what gets rendered and sent.</summary>
public sealed record Inheritance(ShotSpec Own, EffectiveShot Effective)
{
    public static Inheritance Of(ShotSpec own, StyleBible? bible) =>
        new(own, bible is null ? new EffectiveShot(own, new HashSet<BibleField>()) : bible.ApplyTo(own));

    /// <summary>One note per inherited field, whose fix copies the inherited value into the shot so it can be edited there.</summary>
    public IEnumerable<ComposerNote> Notes() => Effective.InheritedFields.Select(path => new ComposerNote(path, NoteKind.Inherited,
        $"From the style bible: “{Describe(Effective.Spec, path)}”", "Override", Copy(Effective.Spec, Own, path)));

    /// <summary>
    /// A fix computed on the effective shot would write the inherited values into the shot; keep the shot's own
    /// (empty) value wherever the fix left the inherited one untouched, so the field stays inherited.
    /// </summary>
    public ShotSpec Rebase(ShotSpec fix) => Effective.InheritedFields.Aggregate(fix, (spec, path) =>
        Describe(spec, path) == Describe(Effective.Spec, path) ? Copy(Own, spec, path) : spec);

    private static string Describe(ShotSpec spec, string path) => path switch
    {
        SpecFields.Style => spec.Style,
        SpecFields.Scene => spec.Scene,
        SpecFields.Lighting => spec.Cinematography.Lighting,
        SpecFields.PaletteAnchors => string.Join(", ", spec.Cinematography.PaletteAnchors),
        _ => "",
    };

    /// <summary><paramref name="to"/> with the field at <paramref name="path"/> taken from <paramref name="from"/>.</summary>
    private static ShotSpec Copy(ShotSpec from, ShotSpec to, string path) => path switch
    {
        SpecFields.Style => to with { Style = from.Style },
        SpecFields.Scene => to with { Scene = from.Scene },
        SpecFields.Lighting => to with { Cinematography = to.Cinematography with { Lighting = from.Cinematography.Lighting } },
        SpecFields.PaletteAnchors => to with { Cinematography = to.Cinematography with { PaletteAnchors = from.Cinematography.PaletteAnchors } },
        _ => to,
    };
}
