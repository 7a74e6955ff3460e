using System.Text.RegularExpressions;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide: "shorter clips follow instructions more reliably"; stitch two 4 s clips rather than generate one
/// 8 s clip. A hint for a longer-than-shortest clip with four or more beats or with the guide's "less reliable"
/// complex actions (elaborate, choreographed, rapid, simultaneous). When the beats and dialogue fit the shortest
/// duration the model allows, the fix moves there.
/// </summary>
public sealed partial class ShorterClipsRule(ModelCatalog catalog) : IAdviceRule
{
    public const int ManyBeats = 4;

    public ShorterClipsRule() : this(ModelCatalog.Default) { }

    public string Code => "shorter-clips";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var allowed = ClipBudget.AllowedSeconds(spec, catalog);
        var shortest = allowed.Count > 0 ? allowed[0] : 4;
        if (spec.Seconds <= shortest) yield break;

        var beats = ClipBudget.BeatCount(spec);
        var complex = spec.Actions.Select(b => b.Text).Prepend(spec.Scene)
            .Select(t => Complex().Match(t)).FirstOrDefault(m => m.Success);
        if (beats < ManyBeats && complex is null) yield break;

        var reason = complex is not null ? $"complex action (“{complex.Value}”)" : $"{beats} beats";
        var fits = allowed.Count > 0 && ClipBudget.BeatsFit(beats, shortest) && ClipBudget.DialogueFits(ClipBudget.Dialogue(spec), shortest);
        yield return new Advice(Code,
            $"Shorter clips follow instructions more reliably: this {spec.Seconds} s shot has {reason}. "
            + $"Consider {(fits ? $"a {shortest} s clip" : $"splitting it into {shortest} s shots and stitching them in the edit")}.",
            SpecFields.Seconds, AdviceSeverity.Info)
        {
            FixLabel = fits ? $"Make it {shortest} s" : null,
            Fix = fits ? spec with { Seconds = shortest } : null,
        };
    }

    [GeneratedRegex(@"\b(?:elaborate|choreograph\w*|complex|rapid(?:ly)?|simultaneous(?:ly)?|in\s+quick\s+succession|at\s+the\s+same\s+time|dance\s+routine|acrobatic\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Complex();
}
