using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// Beats and dialogue lines with nothing in them are left out of the prompt (<see cref="EmptyRows"/>): say so, so that an
/// empty row is not mistaken for part of the shot, and offer to remove them.
/// </summary>
public sealed class EmptyRowsRule : IAdviceRule
{
    public string Code => "empty-rows";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var beats = spec.Actions.Count(EmptyRows.IsEmpty);
        var lines = spec.Dialogue.Count(EmptyRows.IsEmpty);
        if (beats == 0 && lines == 0) yield break;
        var removed = EmptyRows.Removed(spec);
        if (beats > 0)
            yield return new Advice(Code, $"{Count(beats, "beat")} no action or time and {(beats == 1 ? "is" : "are")} left out of the prompt.",
                SpecFields.Actions, AdviceSeverity.Warning) { FixLabel = "Remove empty rows", Fix = removed };
        if (lines > 0)
            yield return new Advice(Code, $"{Count(lines, "dialogue line")} no words or speaker and {(lines == 1 ? "is" : "are")} left out of the prompt.",
                SpecFields.Dialogue, AdviceSeverity.Warning) { FixLabel = "Remove empty rows", Fix = removed };
    }

    private static string Count(int n, string noun) => n == 1 ? $"One {noun} has" : $"{n} {noun}s have";
}
