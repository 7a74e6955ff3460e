using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Remix;

namespace SoraStudio.Core.Tests.Advice.Remix;

public class OneChangeRemixRuleTests
{
    private readonly OneChangeRemixRule _rule = new();

    [Fact]
    public void RemixWithThreeChangesGetsAOneChangeWarning()
    {
        var advice = Assert.Single(_rule.Check("Change the lighting, camera angle, and character wardrobe"));

        Assert.Equal("remix-one-change", advice.Code);
        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("instruction", advice.Field);
        Assert.Contains("3 changes", advice.Message);
        Assert.Equal("Same shot, change the lighting", AdviceAssert.FixClears(_rule, advice));
    }

    [Theory]
    [InlineData("Same shot, change lighting to warm golden hour and add rain falling in background", "Same shot, change lighting to warm golden hour")]
    [InlineData("Same shot, switch to 85mm lens, make camera static", "Same shot, switch to 85mm lens")]
    [InlineData("Same shot. Change lighting to warm. Add rain.", "Same shot. Change lighting to warm")]
    [InlineData("Change the lighting and the camera angle", "Same shot, change the lighting")]
    [InlineData("Same framing, character smiles, brighten the sky", "Same framing, character smiles")]
    public void RemixWithTwoChangesGetsAOneChangeWarning(string instruction, string fixedInstruction)
    {
        var advice = Assert.Single(_rule.Check(instruction));

        Assert.Equal(fixedInstruction, AdviceAssert.FixClears(_rule, advice));
    }

    [Theory]
    [InlineData("Same shot, switch to 85mm lens")]
    [InlineData("Same lighting, new palette: teal, sand, rust")]
    [InlineData("Same shot, add vendors and customers in background")]
    [InlineData("Same shot, increase contrast and deepen shadows for classic noir look")]
    [InlineData("Same shot, enhance golden hour lighting with warmer tones")]
    [InlineData("Same shot, detective says: 'She walked in like trouble always does.'")]
    [InlineData("Same shot, change lighting to warm, golden hour sunlight")]
    [InlineData("Same shot, she turns and smiles")]
    [InlineData("Same framing, make camera static instead of moving")]
    [InlineData("")]
    public void OneChangeGetsNoAdvice(string instruction) => Assert.Empty(_rule.Check(instruction));

    [Fact]
    public void EveryRemixExampleOfTheGuideIsOneChange()
    {
        string[] examples =
        [
            "guide-1058-lens-change", "guide-1064-lighting-adjustment", "guide-1070-color-palette-shift",
            "guide-1076-camera-movement-modification", "guide-1082-action-timing", "guide-1088-character-modification",
            "guide-1094-background-changes", "guide-1038-one-change-at-a-time", "guide-1122-remix-1-add-camera-movement",
            "guide-1128-remix-2-add-background-activity", "guide-1134-remix-3-refine-lighting",
            "guide-1720-step-2-remix-add-camera-movement", "guide-1726-step-3-remix-refine-lighting",
            "guide-1732-step-4-remix-add-action", "guide-1738-step-5-remix-add-dialogue", "guide-1744-step-6-remix-final-color-grade",
        ];
        var instructions = examples.SelectMany(e => GuideExample.Text(e).Split('\n'))
            .Where(line => line.Count(c => c == '"') >= 2)
            .Select(line => line[(line.IndexOf('"') + 1)..line.LastIndexOf('"')])
            .ToList();

        Assert.True(instructions.Count >= 20);
        foreach (var instruction in instructions)
            Assert.Empty(_rule.Check(instruction));
    }

    [Fact]
    public void TheGuidesDontExampleIsMoreThanOneChange() =>
        Assert.Single(_rule.Check(GuideExample.Text("guide-1033-one-change-at-a-time")));
}
