using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Remix;

namespace SoraStudio.Core.Tests.Advice.Remix;

public class EmptyRemixRuleTests
{
    private readonly EmptyRemixRule _rule = new();

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void AnEmptyInstructionGetsAWarning(string instruction)
    {
        var advice = Assert.Single(_rule.Check(instruction));

        Assert.Equal("remix-empty", advice.Code);
        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("instruction", advice.Field);
        Assert.False(advice.HasFix);
    }

    [Fact]
    public void AnyInstructionIsNotEmpty() => Assert.Empty(_rule.Check("Same shot, switch to 85mm lens"));
}
