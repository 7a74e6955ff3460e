using System.Diagnostics;
using System.Text;
using SoraStudio.Core.Prompting;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The parser never throws, never drops a word, and what it reads renders back to itself, whatever the input.</summary>
public class PromptParserRobustnessTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 10));

    public static TheoryData<string> WeirdInputs => new(
        "Style:", "Actions:", "Dialogue:", "Cinematography:\nCinematography:\nCinematography:",
        "Format & Look\nLenses & Filtration\nGrade / Palette\nLighting & Atmosphere\nLocation & Framing\nWardrobe / Props / Extras\nSound\nOptimized Shot List\nCamera Notes\nFinishing",
        "- Woman: \"never closed", "\"", "\"\"\"", "- : \"", ":", "- (", "- (0–", "(0–2s", "0.00–", "0.00–2.40 — \"", "0.00–2.40 — \"Title",
        "Optimized Shot List\n0.00–2.40 — \"Title", "Optimized Shot List (", "Camera Notes (", "Palette anchors: ,,,;;;",
        "Camera: ,;,( [ ) ]", "**", "****Style:****", "##", "Actions: Actions: Actions: Actions:", "Sound: Sound: Finishing: x",
        "\0\u0001\u0002\u001b[31m\u007f", "\u2028\u2029\u0085\u000b\u000c", "\uFEFFStyle: bom", "\r\r\r\n\n\r",
        "Seconds: 99999999999999999999999", "Size: 99999x99999", "Model: " + new string('m', 100),
        "Optimized Shot List\n99999999999999999999–1\n1.123456–2\n0.00001–1", "- (999999.9999–1000000s) x");

    [Theory]
    [MemberData(nameof(WeirdInputs))]
    public void WeirdInputNeitherThrowsNorLosesWords(string text)
    {
        PromptLaws.AssertNothingDropped(text);
        PromptLaws.AssertParsedSpecRoundTrips(text);
        PromptLaws.AssertWellFormed(PromptRenderer.Render(PromptParser.Parse(text)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomPromptLikeTextKeepsItsWordsAndRoundTrips(int seed)
    {
        var texts = new RandomPromptText(seed);
        for (var i = 0; i < 40; i++)
        {
            var text = texts.Next(2 * i + 1);
            PromptLaws.AssertNothingDropped(text);
            PromptLaws.AssertParsedSpecRoundTrips(text);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCharactersNeverThrowAndKeepTheirWords(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 30; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++) chars[j] = (char)random.Next(0, char.MaxValue + 1);
            var text = new string(chars);
            PromptLaws.AssertNothingDropped(text);
            PromptLaws.AssertParsedSpecRoundTrips(text);
        }
    }

    [Fact]
    public void RandomBytesReadAsTextNeverThrow()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var text = Encoding.Latin1.GetString(bytes) + Encoding.UTF8.GetString(bytes);

        PromptLaws.AssertNothingDropped(text);
        PromptLaws.AssertParsedSpecRoundTrips(text);
    }

    [Fact]
    public void OneMegabyteOfGuideTextParsesInLinearTime()
    {
        var guide = string.Join("\n\n", GuideExamples.Names.Select(GuideExamples.Read));
        var text = new StringBuilder(1 << 20);
        var copies = 0;
        for (; text.Length < 1 << 20; copies++) text.Append(guide).Append('\n');
        var big = text.ToString();

        var stopwatch = Stopwatch.StartNew();
        var spec = PromptParser.Parse(big);
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(2 * copies, spec.Ultra.ShotList.Count);
        PromptLaws.AssertNothingDropped(big);
    }

    [Fact]
    public void OneMegabyteLineWithoutBreaksParsesQuickly()
    {
        var line = "- Woman: \"" + string.Concat(Enumerable.Repeat("a: b ( c \" ", 100_000));
        var headers = string.Concat(Enumerable.Repeat("Actions: ", 100_000));

        var stopwatch = Stopwatch.StartNew();
        var spoken = PromptParser.Parse("Dialogue:\n" + line);
        var nested = PromptParser.Parse(headers + "x");
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Single(spoken.Dialogue);
        Assert.Equal("x", Assert.Single(nested.Actions).Text);
    }

    [Fact]
    public void OnlyHeadersGiveAnEmptySpecWithTheirNamesAsTheOnlyLostWords()
    {
        const string text = "Style:\nCinematography:\nCamera:\nLens:\nActions:\nDialogue:\nBackground Sound:\nFormat & Look\nOptimized Shot List (0 shots / 0s total)\nCamera Notes (Why It Reads)\nFinishing";

        Assert.Equal(Core.Spec.ShotSpec.Empty, PromptParser.Parse(text));
        PromptLaws.AssertNothingDropped(text);
    }
}
