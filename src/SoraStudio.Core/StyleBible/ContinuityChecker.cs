using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.StyleBible;

/// <summary>
/// Warns where a sequence of shots drifts in lighting, palette or style, after the guide's "Lighting Consistency
/// Across Shots" and "Workflow 1: Multi-Shot Sequence with Consistent Lighting": repeat the same lighting logic,
/// palette anchors and style in every shot. Each field is compared with the style bible when the bible sets it,
/// otherwise with the previous shot. Pass the effective shots (<see cref="StyleBible.ApplyTo"/>) in timeline order.
/// </summary>
public static class ContinuityChecker
{
    public static IReadOnlyList<ContinuityWarning> Check(StyleBible? bible, IReadOnlyList<ShotSpec> shotsInOrder)
    {
        ArgumentNullException.ThrowIfNull(shotsInOrder);
        var warnings = new List<ContinuityWarning>();
        for (var i = 0; i < shotsInOrder.Count; i++)
        {
            var shot = shotsInOrder[i];
            var previous = i > 0 ? shotsInOrder[i - 1] : null;

            var (lighting, lightingSource) = Reference(bible?.Lighting, previous?.Cinematography.Lighting);
            if (lighting.Length > 0)
                warnings.AddRange(Text(i, SpecFields.Lighting, "lighting", LookTraits.Lighting, lighting, shot.Cinematography.Lighting, lightingSource));

            var (style, styleSource) = Reference(bible?.Style, previous?.Style);
            if (style.Length > 0)
                warnings.AddRange(Text(i, SpecFields.Style, "style", LookTraits.Style, style, shot.Style, styleSource));

            var bibleAnchors = bible?.PaletteAnchors ?? ValueList<string>.Empty;
            var (anchors, anchorSource) = bibleAnchors.Any(a => a.Trim().Length > 0)
                ? (bibleAnchors, ContinuityReference.StyleBible)
                : (previous?.Cinematography.PaletteAnchors ?? ValueList<string>.Empty, ContinuityReference.PreviousShot);
            if (anchors.Any(a => a.Trim().Length > 0))
                warnings.AddRange(Palette(i, anchors, shot.Cinematography.PaletteAnchors, anchorSource));
        }
        return warnings;
    }

    private static (string Text, ContinuityReference Source) Reference(string? bible, string? previous) =>
        !string.IsNullOrWhiteSpace(bible) ? (bible.Trim(), ContinuityReference.StyleBible)
        : (previous?.Trim() ?? "", ContinuityReference.PreviousShot);

    private static IEnumerable<ContinuityWarning> Text(int index, string field, string name, LookTraits.Trait[] traits,
        string reference, string shot, ContinuityReference source)
    {
        var against = Against(source);
        if (string.IsNullOrWhiteSpace(shot))
        {
            yield return new(index, field, $"Shot {index + 1} has no {name}; repeat {against}'s “{reference}” so the shots cut together.", source);
            yield break;
        }
        var conflicts = LookTraits.Conflicts(traits, reference, shot).ToList();
        foreach (var (trait, expected, actual) in conflicts)
            yield return new(index, field,
                $"Shot {index + 1}'s {name} says {string.Join("/", actual)} where {against} says {string.Join("/", expected)} ({trait}).", source);
        if (conflicts.Count == 0 && !LookTraits.ShareWords(reference, shot))
            yield return new(index, field, $"Shot {index + 1}'s {name} “{shot.Trim()}” shares nothing with {against}'s “{reference}”.", source);
    }

    private static IEnumerable<ContinuityWarning> Palette(int index, ValueList<string> reference, ValueList<string> shot, ContinuityReference source)
    {
        var expected = Normalised(reference);
        var actual = Normalised(shot);
        var against = Against(source);
        if (actual.Count == 0)
        {
            yield return new(index, SpecFields.PaletteAnchors,
                $"Shot {index + 1} has no palette anchors; repeat {against}'s {string.Join(", ", expected)} so the shots cut together.", source);
            yield break;
        }
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        if (missing.Count == 0 && extra.Count == 0) yield break;
        var changes = new List<string>();
        if (missing.Count > 0) changes.Add($"drops {string.Join(", ", missing)}");
        if (extra.Count > 0) changes.Add($"adds {string.Join(", ", extra)}");
        yield return new(index, SpecFields.PaletteAnchors,
            $"Shot {index + 1}'s palette {string.Join(" and ", changes)} compared with {against} ({string.Join(", ", expected)}); "
            + "the guide repeats the same color names across prompts.", source);
    }

    private static List<string> Normalised(ValueList<string> anchors) =>
        [.. anchors.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct()];

    private static string Against(ContinuityReference source) =>
        source == ContinuityReference.StyleBible ? "the style bible" : "the previous shot";
}
