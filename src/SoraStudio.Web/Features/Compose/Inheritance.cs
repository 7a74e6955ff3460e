using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Compose;

/// <summary>A shot and what the project's style bible makes of it: the effective shot is what gets rendered and sent.</summary>
/// <param name="WithoutCharacters">The effective shot without the characters' descriptions the bible appends to the scene.</param>
public sealed record Inheritance(ShotSpec Own, EffectiveShot Effective, ShotSpec? WithoutCharacters = null)
{
    public static Inheritance Of(ShotSpec own, StyleBible? bible) => bible is null
        ? new(own, new EffectiveShot(own, new HashSet<BibleField>()))
        : new(own, bible.ApplyTo(own), bible.ApplyTo(own, ShotOverrides.Of(BibleField.Characters)).Spec);

    /// <summary>
    /// One note per inherited field, whose fix copies the inherited value into the shot so it can be edited there.
    /// The scene is the user's own when they wrote it: then the note only says which character descriptions the bible
    /// adds when the shot is sent, and offers no copy (that would write them into the scene for good). A scene taken
    /// from the bible's setting is overridden with the setting alone.
    /// </summary>
    public IEnumerable<ComposerNote> Notes()
    {
        foreach (var path in Effective.InheritedFields)
        {
            if (path != SpecFields.Scene)
                yield return new ComposerNote(path, NoteKind.Inherited, $"From the style bible: “{Describe(Effective.Spec, path)}”", "Override", Copy(Effective.Spec, Own, path));
            else if (Effective.IsInherited(BibleField.Setting))
                yield return new ComposerNote(path, NoteKind.Inherited, $"From the style bible: “{Describe(Effective.Spec, path)}”", "Override",
                    Copy(WithoutCharacters ?? Effective.Spec, Own, path));
            else
                yield return new ComposerNote(path, NoteKind.Tip,
                    $"When sent, the style bible adds to your scene: “{Effective.Spec.Scene[AddedAt()..].Trim()}”");
        }
    }

    /// <summary>Where the characters' descriptions start in the effective scene: after the shot's own scene.</summary>
    private int AddedAt() => Math.Min(Effective.Spec.Scene.Length, (WithoutCharacters?.Scene.Trim().Length ?? 0) + 1);

    /// <summary>
    /// A fix computed on the effective shot would write the inherited values into the shot; keep the shot's own
    /// (empty) value wherever the fix left the inherited one untouched, so the field stays inherited.
    /// </summary>
    public ShotSpec Rebase(ShotSpec fix) => Effective.InheritedFields.Aggregate(fix, (spec, path) =>
        Describe(spec, path) == Describe(Effective.Spec, path) ? Copy(Own, spec, path)
        : path == SpecFields.Scene && !Effective.IsInherited(BibleField.Setting) ? WithoutAddedCharacters(spec) : spec);

    /// <summary>A fixed scene of the user's own, less the character descriptions the bible appended to it.</summary>
    private ShotSpec WithoutAddedCharacters(ShotSpec spec)
    {
        var added = Effective.Spec.Scene[AddedAt()..].Trim();
        return added.Length > 0 && spec.Scene.TrimEnd().EndsWith(added, StringComparison.Ordinal)
            ? spec with { Scene = spec.Scene.TrimEnd()[..^added.Length].TrimEnd() }
            : spec;
    }

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
