namespace SoraStudio.Core.Advice.Remix;

/// <summary>
/// The guide: "Always start with 'Same shot' or 'Same composition' to anchor the remix, then specify the
/// change." Accepts the guide's anchors: Same shot, composition, framing, lighting, action.
/// The fix prepends "Same shot, ".
/// </summary>
public sealed class RemixAnchorRule : IRemixAdviceRule
{
    public string Code => "remix-anchor";

    public IEnumerable<Advice> Check(string instruction)
    {
        if (string.IsNullOrWhiteSpace(instruction) || RemixText.Anchor(instruction).Length > 0) yield break;
        yield return new Advice(Code,
            $"Start the remix with an anchor ({string.Join(", ", RemixText.Anchors.Select(a => $"“{a}”"))}) so that everything else stays as it is.",
            SpecFields.Instruction, AdviceSeverity.Info)
        {
            FixLabel = "Prepend “Same shot, ”",
            FixedInstruction = Anchored(instruction),
        };
    }

    /// <summary>"Change the lens" → "Same shot, change the lens"; acronyms and numbers keep their case.</summary>
    internal static string Anchored(string change)
    {
        var text = change.Trim();
        var lower = text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]);
        return "Same shot, " + (lower ? char.ToLowerInvariant(text[0]) + text[1..] : text);
    }
}
