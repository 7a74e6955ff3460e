using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The API's content restriction "content must be suitable for audiences under 18": a curated list of
/// graphic violence, sexual and drug terms. Whole words only ("heroine", "Essex", "grape" and "the naked eye"
/// do not count); film-noir staples such as cigarettes or a detective's gun are left to moderation.
/// </summary>
public sealed partial class AudienceSuitabilityRule : IAdviceRule
{
    private static readonly Regex Terms = TermScan.Literal(
    [
        "gore", "gory", "gruesome", "graphic violence", "bloodbath", "blood-soaked", "blood splatter", "blood spatter",
        "decapitated", "decapitation", "dismembered", "dismemberment", "mutilated", "mutilation", "disembowelled",
        "torture", "tortured", "tortures", "torturing", "massacre", "nude", "nudes", "nudity", "topless", "sexual",
        "sexually", "sex", "sexy", "erotic", "erotica", "porn", "porno", "pornographic", "strip club", "stripper",
        "striptease", "cocaine", "heroin", "crystal meth", "methamphetamine", "overdose", "overdosing", "suicide",
        "self-harm", "rape", "gun to his head", "gun to her head",
    ]);

    public string Code => "under-18";

    public IEnumerable<Advice> Check(ShotSpec spec) =>
        TermScan.Find(spec, Terms, NakedBody).Select(found => new Advice(Code,
            $"“{found.Term}” may not be suitable for audiences under 18, which Sora 2 requires; such prompts are often rejected by moderation.",
            found.Field, AdviceSeverity.Warning));

    private static readonly Regex NakedBody = TermScan.Guarded(Naked(), "naked");

    [GeneratedRegex(@"\bnaked\b(?!\s+eye)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Naked();
}
