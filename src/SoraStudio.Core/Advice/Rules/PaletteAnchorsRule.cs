using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide: "Naming three to five specific colors helps keep the palette stable across shots." More than
/// five: the fix keeps the first five. None is not advised when the ultra-detailed grade already sets the palette.
/// </summary>
public sealed class PaletteAnchorsRule : IAdviceRule
{
    public const int Min = 3;
    public const int Max = 5;

    public string Code => "palette-anchors";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var anchors = spec.Cinematography.PaletteAnchors
            .Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (anchors.Count is >= Min and <= Max) yield break;
        if (anchors.Count == 0 && !spec.Ultra.Grade.IsEmpty) yield break;

        if (anchors.Count > Max)
        {
            yield return new Advice(Code,
                $"{anchors.Count} palette anchors: the guide names three to five colors to keep the palette stable; more dilute it.",
                SpecFields.PaletteAnchors, AdviceSeverity.Info)
            {
                FixLabel = $"Keep the first {Max}",
                Fix = spec with { Cinematography = spec.Cinematography with { PaletteAnchors = [.. anchors.Take(Max)] } },
            };
            yield break;
        }
        yield return new Advice(Code,
            anchors.Count == 0
                ? "No palette anchors: name three to five specific colors (e.g. amber, cream, walnut brown) to keep the palette stable across shots."
                : $"Only {anchors.Count} palette anchor{(anchors.Count == 1 ? "" : "s")}: the guide names three to five specific colors to keep the palette stable across shots.",
            SpecFields.PaletteAnchors, AdviceSeverity.Info);
    }
}
