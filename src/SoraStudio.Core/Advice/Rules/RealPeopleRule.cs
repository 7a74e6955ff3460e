using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The API's content restriction "no real people or public figures": a small curated list of famous names,
/// a political or papal title followed by a name ("President Lincoln"), and look-alike wording. A heuristic
/// warning, not a moderation check; common words (swift, musk, gates) only count inside a full name.
/// </summary>
public sealed partial class RealPeopleRule : IAdviceRule
{
    private static readonly Regex Names = TermScan.Literal(
    [
        "Taylor Swift", "Beyoncé", "Beyonce", "Rihanna", "Lady Gaga", "Ed Sheeran", "Billie Eilish", "Justin Bieber",
        "Kanye West", "Elvis Presley", "Michael Jackson", "Marilyn Monroe", "Tom Cruise", "Tom Hanks", "Brad Pitt",
        "Keanu Reeves", "Leonardo DiCaprio", "Scarlett Johansson", "Morgan Freeman", "Dwayne Johnson", "Elon Musk",
        "Jeff Bezos", "Mark Zuckerberg", "Zuckerberg", "Bill Gates", "Steve Jobs", "Barack Obama", "Obama",
        "Donald Trump", "Joe Biden", "Kamala Harris", "Vladimir Putin", "Xi Jinping", "Emmanuel Macron",
        "Angela Merkel", "Queen Elizabeth", "King Charles III", "Prince Harry", "Pope Francis", "Albert Einstein",
        "Abraham Lincoln", "Winston Churchill", "Napoleon Bonaparte", "Martin Luther King", "Mahatma Gandhi",
        "Cristiano Ronaldo", "Lionel Messi", "LeBron James", "Michael Jordan", "Serena Williams", "Oprah Winfrey",
        "Kim Kardashian",
    ]);

    public string Code => "real-people";

    public IEnumerable<Advice> Check(ShotSpec spec) =>
        TermScan.Find(spec, Names, Titled, Likenesses).Select(found => new Advice(Code,
            $"“{found.Term}” looks like a real person or public figure: Sora 2 does not generate real people. "
            + "Describe an invented character instead.",
            found.Field, AdviceSeverity.Warning));

    private static readonly Regex Titled = TermScan.Guarded(TitledName(), "president", "prime", "senator", "chancellor", "governor", "pope");
    private static readonly Regex Likenesses = TermScan.Guarded(Likeness(), "look", "impersonat", "deepfake", "likeness");

    // The title is matched case-insensitively but the name must be capitalised: "president Lincoln", not "the president's desk".
    [GeneratedRegex(@"\b(?:president|prime\s+minister|senator|chancellor|governor|pope)\s+(?-i:[A-Z][a-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();

    [GeneratedRegex(@"\b(?:look-?alikes?|impersonat(?:e|es|ed|ing|or|ion)|deepfakes?|in\s+the\s+likeness\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Likeness();
}
