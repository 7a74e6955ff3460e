namespace SoraStudio.Core.Spec;

/// <summary>
/// Action beats and dialogue lines with nothing in them: a beat without text or time, a line without words, speaker
/// or delivery. The composer adds such rows before the user fills them; the prompt leaves them out (a bare <c>-</c>
/// or <c>- : ""</c> tells the model nothing) and the advice offers to remove them. A half-written row (a time but no
/// action, a speaker but no words) is not empty: it is rendered as it is and the validator refuses it.
/// </summary>
public static class EmptyRows
{
    public static bool IsEmpty(Beat beat) => Blank(beat.Text) && beat.StartSeconds is null && beat.EndSeconds is null;

    public static bool IsEmpty(DialogueLine line) => Blank(line.Text) && Blank(line.Speaker) && Blank(line.Delivery);

    public static bool Any(ShotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var beat in spec.Actions) if (IsEmpty(beat)) return true;
        foreach (var line in spec.Dialogue) if (IsEmpty(line)) return true;
        return false;
    }

    /// <summary>The spec without its empty beats and dialogue lines: what its prompt says.</summary>
    public static ShotSpec Removed(ShotSpec spec) => !Any(spec) ? spec : spec with
    {
        Actions = [.. spec.Actions.Where(b => !IsEmpty(b))],
        Dialogue = [.. spec.Dialogue.Where(l => !IsEmpty(l))],
    };

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
