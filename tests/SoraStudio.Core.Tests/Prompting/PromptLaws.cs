using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The laws the renderer and parser keep, as assertions with readable failures.</summary>
public static class PromptLaws
{
    /// <summary>
    /// Parse(Render(spec)) == spec, the generation parameters coming from the spec itself; less its empty beats and
    /// dialogue lines, which the prompt leaves out.
    /// </summary>
    public static void AssertRoundTrips(ShotSpec spec) => AssertRoundTrips(spec, null);

    private static void AssertRoundTrips(ShotSpec spec, string? source)
    {
        var rendered = PromptRenderer.Render(spec);
        var parsed = PromptParser.Parse(rendered, spec);
        spec = EmptyRows.Removed(spec);
        Assert.True(parsed == spec,
            $"Parse(Render(spec)) differs:\n{SpecDiff.Describe(spec, parsed)}\n--- rendered:\n{rendered}"
            + (source is null ? "" : $"\n--- parsed from:\n{source.ReplaceLineEndings("⏎\n")}"));
    }

    /// <summary>Render(Parse(text)) keeps every content word of the text (see <see cref="ContentWords"/>).</summary>
    public static void AssertNothingDropped(string text)
    {
        var parsed = PromptParser.Parse(text);
        var rendered = PromptRenderer.Render(parsed);
        var missing = ContentWords.Missing(text, rendered, parsed);
        Assert.True(missing.Count == 0, $"Words lost: {string.Join(", ", missing)}\n--- input:\n{text}\n--- rendered:\n{rendered}");
    }

    /// <summary>What the parser reads, the renderer writes back to the same spec: Parse(Render(Parse(text))) == Parse(text).</summary>
    public static void AssertParsedSpecRoundTrips(string text) => AssertRoundTrips(PromptParser.Parse(text), text);

    /// <summary>LF only, no trailing white space, no blank line at either end, never two blank lines in a row.</summary>
    public static void AssertWellFormed(string rendered)
    {
        Assert.DoesNotContain('\r', rendered);
        Assert.DoesNotContain("\n\n\n", rendered, StringComparison.Ordinal);
        if (rendered.Length == 0) return;
        Assert.False(char.IsWhiteSpace(rendered[0]), "starts with white space");
        Assert.False(char.IsWhiteSpace(rendered[^1]), "ends with white space");
        foreach (var line in rendered.Split('\n'))
            Assert.True(line.Length == 0 || !char.IsWhiteSpace(line[^1]), $"trailing white space: '{line}'");
    }
}
