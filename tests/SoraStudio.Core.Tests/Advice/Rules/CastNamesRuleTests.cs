using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Core.Tests.Advice.Rules;

public sealed class CastNamesRuleTests
{
    private static readonly CastEntry Mara = new("Mara", "char_mara", CastAvailability.Usable);
    private static readonly CastEntry Tomas = new("Tomas", "char_tomas", CastAvailability.Usable);
    private static readonly CastEntry Ines = new("Ines", "char_ines", CastAvailability.Usable);

    private static ShotSpec Shot(string scene) => ShotSpec.Empty with { Scene = scene };

    [Fact]
    public void ANameWrittenInAnotherCaseIsAWarningWithAFixThatWritesItAsCast()
    {
        var rule = new CastNamesRule([Mara]);
        var spec = Shot("mara climbs the stairs.") with { Dialogue = [new DialogueLine("MARA", "Nearly there.")] };

        var advice = Assert.Single(rule.Check(spec), a => a.Severity == AdviceSeverity.Warning);

        Assert.Equal("cast-names", advice.Code);
        Assert.Equal(SpecFields.Scene, advice.Field);
        Assert.Contains("“mara”", advice.Message);
        Assert.Contains("verbatim", advice.Message);
        Assert.Equal("Mara climbs the stairs.", advice.Fix!.Scene);
        Assert.Equal("Mara", advice.Fix.Dialogue[0].Speaker);
        // Fixed, the name is sent and nothing is left to warn about.
        Assert.DoesNotContain(rule.Check(advice.Fix), a => a.Severity == AdviceSeverity.Warning);
        Assert.Contains(rule.Check(advice.Fix), a => a.Message.StartsWith("Sends the character of Mara", StringComparison.Ordinal));
    }

    [Fact]
    public void AVerbatimNameOnlySaysWhichCharacterIsSent()
    {
        var advice = Assert.Single(new CastNamesRule([Mara, Tomas]).Check(Shot("Mara climbs the stairs.")));

        Assert.Equal(AdviceSeverity.Info, advice.Severity);
        Assert.Contains("Sends the character of Mara", advice.Message);
    }

    [Fact]
    public void MoreThanTwoNamedIsAWarningThatSaysWhichTwoGo()
    {
        var advice = new CastNamesRule([Mara, Tomas, Ines]).Check(Shot("Tomas hands Ines the rope while Mara watches.")).ToList();

        var warning = Assert.Single(advice, a => a.Severity == AdviceSeverity.Warning);
        Assert.Contains("names 3 cast members", warning.Message);
        Assert.Contains("only Tomas and Ines are sent", warning.Message);
    }

    [Fact]
    public void AMemberMadeWithAnotherProviderIsAWarningAndOneNotReadyATip()
    {
        var rule = new CastNamesRule([Mara with { Availability = CastAvailability.OtherProvider }, Tomas with { Availability = CastAvailability.NotReady }]);

        var advice = rule.Check(Shot("Mara and Tomas climb.")).ToList();

        Assert.Contains(advice, a => a.Severity == AdviceSeverity.Warning && a.Message.Contains("another provider", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Severity == AdviceSeverity.Info && a.Message.Contains("Tomas's character is not ready", StringComparison.Ordinal));
        Assert.DoesNotContain(advice, a => a.Message.StartsWith("Sends", StringComparison.Ordinal));
    }

    [Fact]
    public void NoCastOrNoMentionSaysNothing()
    {
        Assert.Empty(new CastNamesRule([]).Check(Shot("mara climbs.")));
        Assert.Empty(new CastNamesRule([Mara]).Check(Shot("A keeper climbs the stairs.")));
    }
}
