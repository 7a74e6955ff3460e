namespace SoraStudio.Core.Advice.Remix;

/// <summary>A remix needs an instruction: the one change to make.</summary>
public sealed class EmptyRemixRule : IRemixAdviceRule
{
    public string Code => "remix-empty";

    public IEnumerable<Advice> Check(string instruction)
    {
        if (!string.IsNullOrWhiteSpace(instruction)) yield break;
        yield return new Advice(Code,
            "The remix instruction is empty: say the one change to make, e.g. \"Same shot, switch to 85mm lens\".",
            SpecFields.Instruction, AdviceSeverity.Warning);
    }
}
