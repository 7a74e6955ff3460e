using SoraStudio.Core.Spec;

namespace SoraStudio.Core.StyleBible;

/// <summary>
/// The bible fields a shot opts out of: for these the shot's own value stands even when it is empty
/// (a shot that wants no style, or no recurring character description).
/// </summary>
public sealed record ShotOverrides(ValueList<BibleField> Fields)
{
    public static ShotOverrides None { get; } = new(ValueList<BibleField>.Empty);

    public static ShotOverrides Of(params BibleField[] fields) => new(new ValueList<BibleField>(fields.Distinct()));

    public bool Overrides(BibleField field) => Fields.Contains(field);
}
