using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide's "one clear camera move per shot": combining moves ("dolly in while panning left and
/// tilting up") often produces unpredictable results. Looks at the camera fields, the scene and the
/// action beats; the fix keeps the first move (camera fields read first) and drops the clauses that ask
/// for the others.
/// </summary>
public sealed class CameraMovesRule : IAdviceRule
{
    public string Code => "one-camera-move";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        var found = Sources(spec).Select(s => (Source: s, Moves: s.Find(s.Text))).ToList();
        var kinds = CameraMoves.DistinctKinds(found.SelectMany(f => f.Moves).Select(m => m.Kind));
        if (kinds.Count < 2) yield break;

        var keep = kinds[0];
        var fixedSpec = spec;
        var emptiedBeats = new HashSet<int>();
        foreach (var (source, moves) in found)
        {
            if (moves.All(m => SameMove(m.Kind, keep))) continue;
            var text = KeepOnly(source.Text, moves, keep);
            fixedSpec = source.With(fixedSpec, text);
            if (text.Length == 0 && source.BeatIndex >= 0) emptiedBeats.Add(source.BeatIndex);
        }
        fixedSpec = fixedSpec with { Actions = [.. fixedSpec.Actions.Where((_, i) => !emptiedBeats.Contains(i))] };

        yield return new Advice(Code,
            $"The shot asks for {kinds.Count} camera moves ({string.Join(", ", kinds)}). The guide: one clear camera move per shot; "
            + "combining moves often produces unpredictable results.",
            SpecFields.Movement, AdviceSeverity.Warning)
        {
            FixLabel = $"Keep only the {keep}",
            Fix = fixedSpec,
        };
    }

    private static bool SameMove(string kind, string keep) =>
        kind == keep || (kind == CameraMoves.Dolly && keep is CameraMoves.PushIn or CameraMoves.PullOut or CameraMoves.Tracking);

    private static string KeepOnly(string text, IReadOnlyList<CameraMove> moves, string keep)
    {
        var clauses = Clauses.Split(text);
        return Clauses.Keep(text, clauses, clause =>
        {
            var inClause = moves.Where(m => clause.Contains(m.Index)).ToList();
            if (inClause.All(m => SameMove(m.Kind, keep))) return text[clause.Start..clause.End];
            var kept = inClause.FirstOrDefault(m => SameMove(m.Kind, keep));
            return kept == default ? null : text.Substring(kept.Index, kept.Length);
        });
    }

    private sealed record Source(string Text, Func<string, IReadOnlyList<CameraMove>> Find, Func<ShotSpec, string, ShotSpec> With, int BeatIndex = -1);

    private static IEnumerable<Source> Sources(ShotSpec spec)
    {
        yield return new(spec.Cinematography.CameraShot, CameraMoves.InCameraField,
            (s, t) => s with { Cinematography = s.Cinematography with { CameraShot = t } });
        yield return new(spec.Cinematography.Movement, CameraMoves.InCameraField,
            (s, t) => s with { Cinematography = s.Cinematography with { Movement = t } });
        yield return new(spec.Scene, CameraMoves.InProse, (s, t) => s with { Scene = t });
        for (var i = 0; i < spec.Actions.Count; i++)
        {
            var index = i;
            yield return new(spec.Actions[i].Text, CameraMoves.InProse,
                (s, t) => s with { Actions = s.Actions.SetItem(index, s.Actions[index] with { Text = t }) }, index);
        }
    }
}
