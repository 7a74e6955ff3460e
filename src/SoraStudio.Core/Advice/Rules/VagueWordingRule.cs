using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Vocabulary;
using Terms = SoraStudio.Core.Vocabulary.Vocabulary;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide's "clarity wins": vague cues ("a beautiful street", "moves quickly", "nice lighting") get the
/// guide's concrete alternative from <see cref="Terms.WeakToStrong"/>. Only a camera or look alternative is offered as
/// a fix: the others are the guide's own story (a marble floor, a desk, a curb), and putting them in place would
/// rewrite the user's scene, so for those the advice shows the example and leaves the words to the user.
/// Spoken lines are not checked.
/// </summary>
public sealed partial class VagueWordingRule : IAdviceRule
{
    // A word every match of each pattern holds (TermScan.CannotMatch skips texts without it). Declared first: Patterns uses it.
    private static readonly Dictionary<string, string> RequiredWord = new()
    {
        ["beautiful street"] = "street", ["person in a room"] = "person", ["moves quickly"] = "quickly",
        ["walks across the room"] = "walks", ["cinematic look"] = "cinematic", ["brightly lit room"] = "bright",
        ["nice lighting"] = "light", ["good lighting"] = "lighting", ["camera moves around the subject"] = "camera",
        ["camera moves"] = "camera", ["door creaking sound"] = "creaking", ["footsteps"] = "footsteps",
    };

    private static readonly (WordingPair Pair, Regex Pattern)[] Patterns =
        [.. Terms.WeakToStrong.Select(p => (p, PatternFor(p.Weak)))];

    public string Code => "vague-wording";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        foreach (var text in SpecText.Prose(spec))
        {
            if (text.Text.Length == 0) continue;
            var claimed = new List<Match>();
            foreach (var (pair, pattern) in Patterns)
            {
                if (TermScan.MatchesIn(pattern, text.Text) is not [var first, ..] || claimed.Any(c => first.Index < c.Index + c.Length && c.Index < first.Index + first.Length)) continue;
                claimed.Add(first);
                if (!KeepsTheStory(pair))
                {
                    yield return new Advice(Code,
                        $"“{first.Value.Trim()}” is vague: say what is particular to this shot, as concretely as the guide's “{pair.Strong}”.",
                        text.Field, AdviceSeverity.Info);
                    continue;
                }
                var replaced = pattern.Replace(text.Text, m => Capitalised(pair.Strong, char.IsUpper(m.Value[0])));
                yield return new Advice(Code,
                    $"“{first.Value.Trim()}” is vague. The guide's concrete alternative: “{pair.Strong}”.",
                    text.Field, AdviceSeverity.Info)
                {
                    FixLabel = "Use the guide's wording",
                    Fix = text.With(spec, replaced),
                };
            }
        }
    }

    /// <summary>How the camera moves or what the image looks like; not who is where doing what, nor what is heard.</summary>
    public static bool KeepsTheStory(WordingPair pair) => pair.Aspect is "camera" or "look";

    private static string Capitalised(string text, bool upper) =>
        upper ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static Regex PatternFor(string weak) => TermScan.Guarded(weak switch
    {
        "beautiful street" => BeautifulStreet(),
        "person in a room" => PersonInARoom(),
        "moves quickly" => MovesQuickly(),
        "walks across the room" => WalksAcrossTheRoom(),
        "cinematic look" => CinematicLook(),
        "brightly lit room" => BrightlyLit(),
        "nice lighting" => NiceLighting(),
        "good lighting" => GoodLighting(),
        "camera moves around the subject" => CameraMovesAround(),
        "camera moves" => BareCameraMoves(),
        "door creaking sound" => DoorCreakingSound(),
        "footsteps" => BareFootsteps(),
        _ => throw new InvalidOperationException($"No pattern for the weak wording '{weak}'."),
    }, RequiredWord[weak]);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:an?\s+)?beautiful\s+streets?\b", Options)]
    private static partial Regex BeautifulStreet();

    [GeneratedRegex(@"\b(?:an?\s+)?person\s+in\s+a\s+room\b", Options)]
    private static partial Regex PersonInARoom();

    [GeneratedRegex(@"\bmoves?\s+quickly\b", Options)]
    private static partial Regex MovesQuickly();

    [GeneratedRegex(@"\bwalks\s+across\s+the\s+room\b", Options)]
    private static partial Regex WalksAcrossTheRoom();

    [GeneratedRegex(@"\b(?:an?\s+)?cinematic\s+look\b", Options)]
    private static partial Regex CinematicLook();

    // Only where the phrase ends the clause: "a brightly lit kitchen" names the room, and the fix would garble it.
    [GeneratedRegex(@"\b(?:an?\s+)?bright(?:ly)?[\s-]+lit(?:\s+room)?(?=\s*(?:[,.;:]|$))", Options)]
    private static partial Regex BrightlyLit();

    [GeneratedRegex(@"\b(?:nice|pretty|beautiful)\s+light(?:ing)?\b", Options)]
    private static partial Regex NiceLighting();

    [GeneratedRegex(@"\b(?:good|great)\s+lighting\b", Options)]
    private static partial Regex GoodLighting();

    [GeneratedRegex(@"\bcamera\s+moves\s+around(?:\s+the\s+subject)?\b", Options)]
    private static partial Regex CameraMovesAround();

    // "Camera moves toward her" already says how; only the bare "camera moves" is vague.
    [GeneratedRegex(@"\bcamera\s+moves\b(?!\s+(?:around|slowly|gently|toward|towards|in|out|back|away|left|right|up|down|forward|closer|along|with|past|through|across|over)\b)", Options)]
    private static partial Regex BareCameraMoves();

    [GeneratedRegex(@"\bdoor\s+creaking\s+sound\b", Options)]
    private static partial Regex DoorCreakingSound();

    // Bare "footsteps" as a whole list item; "heavy boot footsteps echoing" is already specific. The look-behind
    // comes after the word so that the search can skip ahead to "footsteps".
    [GeneratedRegex(@"footsteps(?<=(?:^|[,;.:])\s*footsteps)(?=\s*(?:[,;.]|$))", Options)]
    private static partial Regex BareFootsteps();
}
