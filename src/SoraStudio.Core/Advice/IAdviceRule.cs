using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>One rule of the guide, checked against a shot.</summary>
public interface IAdviceRule
{
    string Code { get; }

    IEnumerable<Advice> Check(ShotSpec spec);
}
