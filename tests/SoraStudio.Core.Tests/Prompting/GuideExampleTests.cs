using SoraStudio.Core.Prompting;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The round-trip laws on every example prompt of both guides.</summary>
public class GuideExampleTests
{
    public static TheoryData<string> Examples => GuideExamples.All;

    [Fact]
    public void EveryCodeBlockOfBothGuidesIsAFixture()
    {
        // 114 prompt blocks in the Sora 2 guide (its three JavaScript blocks are API code, not prompts), 6 in the short guide.
        Assert.Equal(111, GuideExamples.Names.Count(n => n.StartsWith("guide-", StringComparison.Ordinal)));
        Assert.Equal(6, GuideExamples.Names.Count(n => n.StartsWith("short-guide-", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void RenderingTheParsedExampleKeepsEveryWord(string name) =>
        PromptLaws.AssertNothingDropped(GuideExamples.Read(name));

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheParsedExampleRoundTripsThroughTheRenderer(string name) =>
        PromptLaws.AssertParsedSpecRoundTrips(GuideExamples.Read(name));

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheRenderedExampleIsWellFormedAndStable(string name)
    {
        var rendered = PromptRenderer.Render(PromptParser.Parse(GuideExamples.Read(name)));

        PromptLaws.AssertWellFormed(rendered);
        Assert.NotEmpty(rendered);
        Assert.Equal(rendered, PromptRenderer.Render(PromptParser.Parse(rendered)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleParsesTheSameWithWindowsLineEndings(string name)
    {
        var text = GuideExamples.Read(name);

        Assert.Equal(PromptParser.Parse(text), PromptParser.Parse(text.Replace("\n", "\r\n")));
    }
}
