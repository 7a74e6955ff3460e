namespace SoraStudio.Core.Advice;

/// <summary>One rule of the guide, checked against a remix instruction.</summary>
public interface IRemixAdviceRule
{
    string Code { get; }

    IEnumerable<Advice> Check(string instruction);
}
