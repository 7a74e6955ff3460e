using System.Text.RegularExpressions;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>
/// How much a clip of a given length holds, from the guide's timing tables. The composer can show the
/// same budgets the advice uses ("3 beats of 2–4", "12 of 20 words").
/// </summary>
public static partial class ClipBudget
{
    /// <summary>
    /// Spoken words per second of clip. The guide's dialogue table allows 1–2 short exchanges in 4 s, 2–4 in 8 s and
    /// 4–6 in 12 s: at most half a line per second (its Issue 5 says "4s = 1-2 short lines, 8s = 2-4 short lines").
    /// Its short lines average six words ("Only because you lead." 4, "See? Even the city dances with us tonight." 8,
    /// "Or maybe I'm just tired of talking." 7, "You're lying. I can hear it in your silence." 9, "You're right." 2, …),
    /// so half a line per second is 3 words per second: 12 words in 4 s, 24 in 8 s, 36 in 12 s. Checks: the guide's
    /// two-line exchange for a close-up (12 words) fits 4 s; its too-long 4 s line (16 words) does not; its 12 s
    /// narration (17 words) fits.
    /// </summary>
    public const double DialogueWordsPerSecond = 3;

    /// <summary>
    /// Recommended action beats. The guide's table (4 s: 1–2, 8 s: 2–4, 12 s: 3–6) is exactly
    /// seconds/4 to seconds/2, which also covers durations other models may allow.
    /// </summary>
    public static (int Min, int Max) Beats(int seconds) =>
        (Math.Max(1, (seconds + 3) / 4), Math.Max(1, seconds / 2));

    public static int DialogueWords(int seconds) => (int)Math.Floor(seconds * DialogueWordsPerSecond);

    /// <summary>Short lines of dialogue a clip holds: 2 in 4 s, 4 in 8 s, 6 in 12 s.</summary>
    public static int DialogueLines(int seconds) => Math.Max(1, seconds / 2);

    /// <summary>Action beats, not counting beats that are spoken lines (the guide mixes both in its Actions block).</summary>
    public static int BeatCount(ShotSpec spec) =>
        spec.Actions.Count(b => !string.IsNullOrWhiteSpace(b.Text) && !SpokenBeat.IsSpoken(b.Text));

    /// <summary>Spoken lines and their words: the dialogue block plus spoken lines written as action beats.</summary>
    public static (int Lines, int Words) Dialogue(ShotSpec spec)
    {
        int lines = 0, words = 0;
        foreach (var line in spec.Dialogue)
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            lines++;
            words += CountWords(line.Text);
        }
        foreach (var beat in spec.Actions)
        {
            if (SpokenBeat.TryGetWords(beat.Text, out var spoken))
            {
                lines++;
                words += CountWords(spoken);
            }
        }
        return (lines, words);
    }

    public static bool DialogueFits((int Lines, int Words) dialogue, int seconds) =>
        dialogue.Words <= DialogueWords(seconds) && dialogue.Lines <= DialogueLines(seconds);

    public static bool BeatsFit(int beats, int seconds)
    {
        var (min, max) = Beats(seconds);
        return beats == 0 || (beats >= min && beats <= max);
    }

    /// <summary>Durations the shot's model allows, shortest first; empty when the model is unknown.</summary>
    public static IReadOnlyList<int> AllowedSeconds(ShotSpec spec, ModelCatalog catalog) =>
        catalog.Find(spec.Model)?.Seconds.Order().ToArray() ?? [];

    public static int CountWords(string text) => Word().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-.,]*")]
    private static partial Regex Word();
}
