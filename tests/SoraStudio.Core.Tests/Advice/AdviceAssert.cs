using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;
using AdviceItem = SoraStudio.Core.Advice.Advice;

namespace SoraStudio.Core.Tests.Advice;

internal static class AdviceAssert
{
    public static AdviceItem Single(IAdviceRule rule, ShotSpec spec)
    {
        var advice = Assert.Single(rule.Check(spec).ToList());
        Assert.Equal(rule.Code, advice.Code);
        return advice;
    }

    public static void None(IAdviceRule rule, ShotSpec spec) => Assert.Empty(rule.Check(spec).ToList());

    /// <summary>The advice carries a fix, and the rule is silent on the fixed shot.</summary>
    public static ShotSpec FixClears(IAdviceRule rule, AdviceItem advice)
    {
        Assert.NotNull(advice.Fix);
        Assert.False(string.IsNullOrWhiteSpace(advice.FixLabel));
        Assert.Empty(rule.Check(advice.Fix).ToList());
        return advice.Fix;
    }

    public static string FixClears(IRemixAdviceRule rule, AdviceItem advice)
    {
        Assert.NotNull(advice.FixedInstruction);
        Assert.False(string.IsNullOrWhiteSpace(advice.FixLabel));
        Assert.Empty(rule.Check(advice.FixedInstruction).ToList());
        return advice.FixedInstruction;
    }

    public static ShotSpec WithBeats(this ShotSpec spec, int count) =>
        spec with { Actions = [.. Enumerable.Range(1, count).Select(i => new Beat($"Beat {i}: she takes one step."))] };
}
