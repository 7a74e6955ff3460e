using System.Globalization;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// Dialogue too long for the clip: more words than <see cref="ClipBudget.DialogueWordsPerSecond"/> allows, or
/// more lines than the guide's table (2 short lines in 4 s, 4 in 8 s, 6 in 12 s). Spoken lines written as
/// action beats count too. The fix moves to the shortest longer duration the model allows that holds it.
/// </summary>
public sealed class DialogueLengthRule(ModelCatalog catalog) : IAdviceRule
{
    public DialogueLengthRule() : this(ModelCatalog.Default) { }

    public string Code => "dialogue-too-long";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var dialogue = ClipBudget.Dialogue(spec);
        if (dialogue.Lines == 0 || ClipBudget.DialogueFits(dialogue, spec.Seconds)) yield break;

        var longer = ClipBudget.AllowedSeconds(spec, catalog)
            .Where(s => s > spec.Seconds && ClipBudget.DialogueFits(dialogue, s)).Cast<int?>().FirstOrDefault();
        var words = ClipBudget.DialogueWords(spec.Seconds);
        var lines = ClipBudget.DialogueLines(spec.Seconds);
        yield return new Advice(Code,
            $"The dialogue runs {dialogue.Words} words in {dialogue.Lines} line{(dialogue.Lines == 1 ? "" : "s")}: at the guide's pace of about "
            + $"{ClipBudget.DialogueWordsPerSecond.ToString("0.#", CultureInfo.InvariantCulture)} words per second a {spec.Seconds} s clip holds about {words} words in {lines} short lines."
            + (longer is null ? " Shorten the lines or split the shot." : ""),
            SpecFields.Dialogue, AdviceSeverity.Warning)
        {
            FixLabel = longer is null ? null : $"Make it {longer} s",
            Fix = longer is null ? null : spec with { Seconds = longer.Value },
        };
    }
}
