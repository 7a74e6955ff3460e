using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The API's content restriction "no copyrighted characters or copyrighted music": a curated list of
/// characters and franchises, and music wording that names a work or an artist ("song by Coldplay",
/// "theme from Jaws", singing a quoted title). Names that are ordinary words ("a black panther", "marvel at")
/// are left out on purpose.
/// </summary>
public sealed partial class CopyrightedContentRule : IAdviceRule
{
    private static readonly Regex Characters = TermScan.Literal(
    [
        "Mickey Mouse", "Minnie Mouse", "Donald Duck", "Spider-Man", "Spiderman", "Batman", "Superman", "Wonder Woman",
        "Iron Man", "Captain America", "Incredible Hulk", "Avengers", "Harry Potter", "Hermione Granger", "Hogwarts",
        "Darth Vader", "Yoda", "Baby Yoda", "Grogu", "Luke Skywalker", "Star Wars", "Star Trek", "lightsaber", "Jedi",
        "Mandalorian", "Pikachu", "Pokémon", "Pokemon", "Super Mario", "Mario Bros", "Sonic the Hedgehog", "Shrek",
        "Buzz Lightyear", "Homer Simpson", "Bart Simpson", "The Simpsons", "SpongeBob", "Bugs Bunny", "Scooby-Doo",
        "Hello Kitty", "Gandalf", "Frodo", "James Bond", "Barbie", "Optimus Prime", "Godzilla", "King Kong",
        "Minecraft", "Fortnite", "Moana", "Simba", "Toy Story", "Jurassic Park",
    ]);

    private static readonly Regex Music = TermScan.Literal(
    [
        "The Beatles", "Rolling Stones", "ABBA", "Metallica", "Coldplay", "Daft Punk", "Bohemian Rhapsody",
        "Billie Jean", "Shake It Off", "Despacito", "Hey Jude",
    ]);

    public string Code => "copyrighted-content";

    public IEnumerable<Advice> Check(ShotSpec spec) =>
        TermScan.Find(spec, Characters, Music, MusicByName, SungTitle).Select(found => new Advice(Code,
            $"“{found.Term}” looks like a copyrighted character or piece of music, which Sora 2 rejects. "
            + "Describe an original character or the feel of the music instead.",
            found.Field, AdviceSeverity.Warning));

    private static readonly Regex MusicByName = TermScan.Guarded(NamedMusic(), "song", "track", "single", "hit", "theme", "soundtrack", "score", "tune");
    private static readonly Regex SungTitle = TermScan.Guarded(QuotedSong(), "sing", "sang", "hum", "play", "cover");

    // "song by Coldplay", "theme from Jaws": music followed by a capitalised name; "music from the radio" is fine.
    [GeneratedRegex(@"\b(?:song|track|single|hit|theme|soundtrack|score|tune)\s+(?:by|from|of)\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedMusic();

    [GeneratedRegex(@"\b(?:sings|singing|sang|hums|humming|plays|playing|covers|covering)\s+(?:the\s+song\s+)?[""“][^""”]+[""”]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedSong();
}
