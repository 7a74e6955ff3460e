using SoraStudio.Core.Spec;

namespace SoraStudio.Core.StyleBible;

/// <summary>A shot with the style bible applied, and which bible fields it took.</summary>
public sealed record EffectiveShot(ShotSpec Spec, IReadOnlySet<BibleField> Inherited)
{
    /// <summary>The shot fields (paths as in advice: "style", "cinematography.lighting", "scene"…) that hold inherited text.</summary>
    public IReadOnlySet<string> InheritedFields { get; } = Inherited.Select(f => f.SpecPath()).ToHashSet();

    public bool IsInherited(BibleField field) => Inherited.Contains(field);
}
