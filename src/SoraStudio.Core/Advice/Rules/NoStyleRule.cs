using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide: "Style is one of the most powerful levers for guiding the model"; establish it first.
/// The ultra-detailed "Format &amp; Look" counts as a style.
/// </summary>
public sealed class NoStyleRule : IAdviceRule
{
    public string Code => "no-style";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        if (spec.Style.Trim().Length > 0 || spec.Ultra.FormatAndLook.Trim().Length > 0) yield break;
        yield return new Advice(Code,
            "No style: describing the aesthetic first (e.g. \"1970s film\", \"16mm black-and-white film\", \"epic IMAX-scale scene\") "
            + "is one of the most powerful levers for guiding the model.",
            SpecFields.Style, AdviceSeverity.Info);
    }
}
