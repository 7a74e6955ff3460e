using System.Text.RegularExpressions;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice;

public sealed class TermScanTests
{
    private static readonly Regex Kings = TermScan.Literal(["King Kong", "Tom Hanks"]);
    private static readonly Regex Impostors = TermScan.Guarded(new Regex(@"\bimpersonat\w*", RegexOptions.IgnoreCase), "impersonat");
    private static readonly Regex Unguarded = new(@"\bking\b", RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("A man walking past the bottom step", true)]   // "king" and "tom" only inside words
    [InlineData("a KING-sized bed", false)]                     // a word start, any case: the regex decides
    [InlineData("King", false)]
    [InlineData("(tom) waves", false)]
    [InlineData("", true)]
    public void ALiteralListIsSkippedOnlyWhenNoneOfItsFirstWordsStartsAWord(string text, bool skipped) =>
        Assert.Equal(skipped, TermScan.CannotMatch(Kings, text));

    [Theory]
    [InlineData("an Elvis impersonator on stage", false)]
    [InlineData("reimpersonation", true)]
    [InlineData("a quiet street", true)]
    public void AGuardWordMayBeAPrefixOfAWord(string text, bool skipped) =>
        Assert.Equal(skipped, TermScan.CannotMatch(Impostors, text));

    [Fact]
    public void APatternWithoutAGuardIsAlwaysRun() =>
        Assert.False(TermScan.CannotMatch(Unguarded, "nothing relevant"));

    [Fact]
    public void AGuardNeverHidesAMatch()
    {
        foreach (var text in new[] { "King Kong climbs", "Tom-Hanks", "tom   hanks", "an impersonation" })
        {
            foreach (var pattern in new[] { Kings, Impostors })
            {
                if (pattern.IsMatch(text))
                    Assert.False(TermScan.CannotMatch(pattern, text), $"{pattern} on '{text}'");
            }
        }
    }

    [Fact]
    public void AdvisingAfterEachKeystrokeSeesTheFieldAsItIsNow()
    {
        var spec = ShotSpec.Empty with { Style = "35 mm film", Scene = "A singer on stage" };
        var typed = "";
        foreach (var key in " like Taylor Swift")
        {
            typed += key;
            spec = spec with { Scene = "A singer on stage" + typed };
            var warned = PromptAdvisor.Default.Advise(spec).Any(a => a.Code == "real-people");
            Assert.Equal(typed.EndsWith("Taylor Swift", StringComparison.Ordinal), warned);
        }
        spec = spec with { Scene = "A singer on stage" };
        Assert.DoesNotContain(PromptAdvisor.Default.Advise(spec), a => a.Code == "real-people");
    }
}
