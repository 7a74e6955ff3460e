using SoraStudio.Core.StyleBible;

namespace SoraStudio.Core.Tests.StyleBible;

public sealed class CastingTests
{
    private static CastEntry Usable(string name) => new(name, $"char_{name.ToLowerInvariant().Replace(' ', '_')}", CastAvailability.Usable);

    [Fact]
    public void AMemberTheProseNamesVerbatimIsSent()
    {
        var pick = Casting.Pick("Mara lifts the lantern and looks out to sea.", [Usable("Mara"), Usable("Tomas")]);

        Assert.Equal(["char_mara"], pick.CharacterIds);
        Assert.Empty(pick.OverLimit);
        Assert.Empty(pick.Unusable);
    }

    [Theory]
    [InlineData("mara lifts the lantern.")] // another case
    [InlineData("Marathon runners pass the lighthouse.")] // inside a longer word
    [InlineData("Amara waves.")]
    [InlineData("Mara2 waves.")]
    public void ANameInAnotherCaseOrInsideAWordIsNotAMention(string prompt)
    {
        Assert.Empty(Casting.Pick(prompt, [Usable("Mara")]).Sent);
    }

    [Fact]
    public void ANameOfSeveralWordsAndPunctuationAroundItCount()
    {
        var pick = Casting.Pick("The keeper (Mara Voss) climbs; “Mara Voss!” someone calls.", [Usable("Mara Voss")]);

        Assert.Equal(["char_mara_voss"], pick.CharacterIds);
        Assert.Equal(12, Casting.VerbatimIndex("The keeper (Mara Voss) climbs", "Mara Voss"));
    }

    [Fact]
    public void AtMostTwoAreSentInTheOrderThePromptNamesThem()
    {
        var pick = Casting.Pick("Tomas hands Ines the rope while Mara watches.", [Usable("Mara"), Usable("Tomas"), Usable("Ines")]);

        Assert.Equal(["char_tomas", "char_ines"], pick.CharacterIds);
        Assert.Equal(["Mara"], pick.OverLimit.Select(c => c.Name));
    }

    [Fact]
    public void MembersOfAnotherProviderOrNotReadyAreNamedButNotSent()
    {
        var pick = Casting.Pick("Mara and Tomas and Ines.",
            [new("Mara", "char_1", CastAvailability.OtherProvider), new("Tomas", null, CastAvailability.NotReady), Usable("Ines")]);

        Assert.Equal(["char_ines"], pick.CharacterIds);
        Assert.Equal(["Mara", "Tomas"], pick.Unusable.Select(c => c.Name));
    }

    [Fact]
    public void AnUnnamedCastSendsNothing()
    {
        Assert.Empty(Casting.Pick("A lighthouse at dusk.", [Usable("Mara")]).Sent);
        Assert.Empty(Casting.Pick("Mara at dusk.", []).Sent);
    }
}
