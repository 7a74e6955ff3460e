using System.Globalization;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Tests.Prompting;
using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Tests.Validation;

public class ImportFitTests
{
    private static IReadOnlyList<Misfit> Check(string text) => ImportFit.Check(text, PromptParser.Parse(text));

    [Fact]
    public void AWholeLengthUltraDetailedPromptImportsWholeIntoItsSections()
    {
        var guide = GuideExamples.Read("guide-1214-urban-commuter-platform-scene.txt");
        const string padding = " Extras drift past in muted tones.";
        const string wardrobe = "Props: paper coffee cup, rolling luggage, LED departure board (generic destinations).";
        var count = (TextLimits.Prompt - guide.Length) / padding.Length;
        var prompt = guide.Replace(wardrobe, wardrobe + string.Concat(Enumerable.Repeat(padding, count)));
        Assert.InRange(prompt.Length, TextLimits.Prompt - padding.Length, TextLimits.Prompt);

        var spec = PromptParser.Parse(prompt);

        Assert.Empty(ImportFit.Check(prompt, spec));
        // Whole: every sentence of the padding is in the wardrobe section, and the shot list and finishing after it.
        Assert.Equal(count, Occurrences(spec.Ultra.WardrobePropsExtras, padding.Trim()));
        Assert.Equal(2, spec.Ultra.ShotList.Count);
        Assert.NotEmpty(spec.Ultra.Finishing);
    }

    [Fact]
    public void TextOverThePromptLimitIsMeasuredExactlyWhereItLands()
    {
        var misfits = Check(new string('x', 35_000));

        Assert.Equal(
        [
            new Misfit("prompt", "The pasted text has 35,000 characters, 3,000 more than a prompt holds (32,000)."),
            new Misfit("scene", "At most 32,000 characters; this has 35,000."),
            new Misfit("prompt", "Read into the sections, the prompt comes to 35,000 characters, 3,000 over the limit of 32,000."),
        ], misfits);
    }

    [Fact]
    public void SectionsThatFitAloneButNotTogetherAreMeasuredOnTheRenderedPrompt()
    {
        var text = "Style: " + new string('s', 16_000) + "\n\n" + new string('x', 16_000);

        var misfits = Check(text);

        var over = PromptRenderer.Render(PromptParser.Parse(text)).Length - TextLimits.Prompt;
        Assert.True(over > 0);
        Assert.Equal("prompt", Assert.Single(misfits, m => m.Message.StartsWith("Read into", StringComparison.Ordinal)).Field);
        Assert.Contains(misfits, m => m.Message.Contains(over.ToString("N0", CultureInfo.InvariantCulture) + " over the limit", StringComparison.Ordinal));
    }

    [Fact]
    public void AListOverItsLimitIsNamed()
    {
        var text = "Actions:\n" + string.Join("\n", Enumerable.Range(1, 120).Select(i => $"- Step {i}."));

        var misfits = Check(text);

        Assert.Equal([new Misfit("actions", "At most 100 entries; this has 120.")], misfits);
    }

    [Fact]
    public void AnOrdinaryPromptFits() =>
        Assert.Empty(Check("Style: 16mm black-and-white documentary.\n\nAn old man sits in a study."));

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
