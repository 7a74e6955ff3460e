using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide's action timing table: 4 s holds 1–2 beats, 8 s 2–4, 12 s 3–6 (see <see cref="ClipBudget.Beats"/>).
/// Too many beats: the fix moves to the shortest longer duration the model allows that holds them. Too few:
/// the fix moves to the longest shorter duration that still holds the beats and the dialogue.
/// None at all is fine for the shortest clips (a scene can carry one simple action) but not for a clip that should
/// hold two or more beats: the fix is only ever a shorter duration, never invented beats.
/// Spoken lines written as beats are not counted.
/// </summary>
public sealed class BeatsPerDurationRule(ModelCatalog catalog) : IAdviceRule
{
    public BeatsPerDurationRule() : this(ModelCatalog.Default) { }

    public string Code => "beats-per-duration";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var beats = ClipBudget.BeatCount(spec);
        var (min, max) = ClipBudget.Beats(spec.Seconds);
        var allowed = ClipBudget.AllowedSeconds(spec, catalog);
        var range = $"the guide recommends {min}–{max} beats for {spec.Seconds} s";
        if (beats == 0 && min > 1)
        {
            var dialogue = ClipBudget.Dialogue(spec);
            var shorter = allowed.Where(s => s < spec.Seconds && ClipBudget.Beats(s).Min <= 1 && ClipBudget.DialogueFits(dialogue, s))
                .Cast<int?>().LastOrDefault();
            yield return new Advice(Code,
                $"No action beats for {spec.Seconds} s: {range}, or the model improvises the whole clip. "
                + "Describe what happens in beats" + (shorter is null ? "." : ", or make the clip shorter."),
                SpecFields.Actions, AdviceSeverity.Info)
            {
                FixLabel = shorter is null ? null : $"Make it {shorter} s",
                Fix = shorter is null ? null : spec with { Seconds = shorter.Value },
            };
            yield break;
        }
        if (ClipBudget.BeatsFit(beats, spec.Seconds)) yield break;

        if (beats > max)
        {
            var longer = allowed.Where(s => s > spec.Seconds && ClipBudget.BeatsFit(beats, s)).Cast<int?>().FirstOrDefault();
            yield return new Advice(Code,
                $"{beats} action beats is a lot for {spec.Seconds} s: {range}."
                + (longer is null ? " Split the action across two shots." : ""),
                SpecFields.Actions, AdviceSeverity.Warning)
            {
                FixLabel = longer is null ? null : $"Make it {longer} s",
                Fix = longer is null ? null : spec with { Seconds = longer.Value },
            };
        }
        else
        {
            var dialogue = ClipBudget.Dialogue(spec);
            var shorter = allowed
                .Where(s => s < spec.Seconds && ClipBudget.BeatsFit(beats, s) && ClipBudget.DialogueFits(dialogue, s))
                .Cast<int?>().LastOrDefault();
            yield return new Advice(Code,
                $"Only {beats} action beat{(beats == 1 ? "" : "s")} for {spec.Seconds} s: {range}; "
                + "the model improvises the rest of the clip.",
                SpecFields.Actions, AdviceSeverity.Info)
            {
                FixLabel = shorter is null ? null : $"Make it {shorter} s",
                Fix = shorter is null ? null : spec with { Seconds = shorter.Value },
            };
        }
    }
}
