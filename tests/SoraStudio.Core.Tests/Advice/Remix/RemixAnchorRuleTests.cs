using SoraStudio.Core.Advice.Remix;

namespace SoraStudio.Core.Tests.Advice.Remix;

public class RemixAnchorRuleTests
{
    private readonly RemixAnchorRule _rule = new();

    [Fact]
    public void AnUnanchoredRemixGetsAHintWhoseFixPrependsSameShot()
    {
        var advice = Assert.Single(_rule.Check("Change lighting to warm golden hour"));

        Assert.Equal("remix-anchor", advice.Code);
        Assert.Equal("instruction", advice.Field);
        Assert.Equal("Same shot, change lighting to warm golden hour", AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void TheFixKeepsTheCaseOfAcronymsAndNumbers()
    {
        Assert.Equal("Same shot, IMAX-scale framing", Assert.Single(_rule.Check("IMAX-scale framing")).FixedInstruction);
        Assert.Equal("Same shot, 85mm lens", Assert.Single(_rule.Check(" 85mm lens ")).FixedInstruction);
    }

    [Theory]
    [InlineData("Same shot, switch to 85mm lens")]
    [InlineData("same composition, shift to cooler color temperature")]
    [InlineData("Same framing, character turns head to look at camera")]
    [InlineData("Same lighting, add cool rim light from behind")]
    [InlineData("Same action, add a pause before the final gesture")]
    [InlineData("")]
    public void AnchoredOrEmptyInstructionsGetNoHint(string instruction) => Assert.Empty(_rule.Check(instruction));

    [Fact]
    public void SameAsAWordElsewhereIsNotAnAnchor() =>
        Assert.Single(_rule.Check("Keep the same shot but switch to 85mm lens"));
}
