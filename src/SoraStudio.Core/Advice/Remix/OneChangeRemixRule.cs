namespace SoraStudio.Core.Advice.Remix;

/// <summary>
/// The guide's remix rule "one change at a time": not "Change the lighting, camera angle, and character
/// wardrobe" but one remix each. Counts change clauses — split at sentences, commas and "and"/"then" — where
/// a clause starts a new change when it opens with a change verb (change, switch, add…), an adjustment after a
/// comma (brighten, slow…) or a new aspect (lighting, lens, wardrobe…). Quoted words and colon lists
/// ("new palette: teal, sand, rust") are one change. The fix keeps the first change, anchored.
/// </summary>
public sealed class OneChangeRemixRule : IRemixAdviceRule
{
    public string Code => "remix-one-change";

    public IEnumerable<Advice> Check(string instruction)
    {
        if (string.IsNullOrWhiteSpace(instruction)) yield break;
        var changes = RemixText.Changes(instruction);
        if (changes.Count < 2) yield break;

        var anchor = RemixText.Anchor(instruction);
        var first = changes[0].TrimEnd(',', ';', '.', ' ');
        yield return new Advice(Code,
            $"This remix asks for {changes.Count} changes ({string.Join("; ", changes.Select(c => $"“{c.TrimEnd(',', ';', '.', ' ')}”"))}). "
            + "The guide: make one change at a time, and remix again for the next.",
            SpecFields.Instruction, AdviceSeverity.Warning)
        {
            FixLabel = "Keep the first change",
            FixedInstruction = anchor.Length > 0 ? anchor + first : RemixAnchorRule.Anchored(first),
        };
    }
}
