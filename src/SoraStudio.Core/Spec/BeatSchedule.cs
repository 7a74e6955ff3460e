using System.Globalization;
using System.Text.RegularExpressions;

namespace SoraStudio.Core.Spec;

/// <summary>Where one action beat falls in the clip, in seconds; <see cref="Timed"/> when the spec said so rather than the even split.</summary>
public sealed record ScheduledBeat(int Number, string Text, double Start, double End, bool Timed);

/// <summary>
/// Places a spec's action beats on its clip, for the markers on a player's scrub bar. A beat's own timing wins
/// (<c>(0–2s)</c>, <c>(at 2s)</c>, <c>(until 3s)</c>); then what its words say ("types for two seconds", "pauses for one
/// second", "over 4 seconds", "in the final second", "in the first two seconds"); the time left is shared evenly by the
/// beats that say nothing, in their order. Everything is kept inside the clip and in the beats' order.
/// </summary>
public static partial class BeatSchedule
{
    /// <summary>
    /// The beats of a take made from <paramref name="spec"/>, on its clip of <paramref name="clipSeconds"/>: over the spec's own
    /// length where the clip is longer (an extension's clip is its source's seconds followed by the added ones).
    /// </summary>
    public static IReadOnlyList<ScheduledBeat> ForTake(ShotSpec spec, double clipSeconds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Plan(spec.Actions, spec.Seconds > 0 ? Math.Min(spec.Seconds, clipSeconds) : clipSeconds);
    }

    /// <summary>
    /// The spoken lines of a take made from <paramref name="spec"/>, evenly over the same seconds as its beats (a line carries
    /// no time): <c>Speaker: "text"</c>, or the text alone when no speaker is named.
    /// </summary>
    public static IReadOnlyList<ScheduledBeat> LinesForTake(ShotSpec spec, double clipSeconds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lines = spec.Dialogue.Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        var seconds = spec.Seconds > 0 ? Math.Min(spec.Seconds, clipSeconds) : clipSeconds;
        if (lines.Count == 0 || seconds <= 0)
            return [];
        var each = seconds / lines.Count;
        return lines.Select((l, i) => new ScheduledBeat(i + 1, string.IsNullOrWhiteSpace(l.Speaker) ? $"“{l.Text.Trim()}”" : $"{l.Speaker.Trim()}: “{l.Text.Trim()}”",
            Round(i * each), Round((i + 1) * each), false)).ToList();
    }

    public static IReadOnlyList<ScheduledBeat> Plan(IReadOnlyList<Beat> beats, double clipSeconds)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var written = beats.Where(b => !string.IsNullOrWhiteSpace(b.Text)).ToList();
        if (written.Count == 0 || clipSeconds <= 0)
            return [];

        var hints = written.Select(b => Hint.Of(b, clipSeconds)).ToList();
        // A beat that ends at a stated time ("until 3s") starts the next beat there.
        for (var i = 0; i + 1 < hints.Count; i++)
            if (hints[i].Until is { } until && hints[i + 1].Start is null)
                hints[i + 1] = hints[i + 1] with { Start = until };
        var starts = new double[written.Count];
        var ends = new double[written.Count];
        // Runs of beats, each beginning at a beat with a fixed start (or the clip's start), sharing the time up to the next run.
        var runStart = 0;
        while (runStart < written.Count)
        {
            var runEnd = runStart + 1;
            while (runEnd < written.Count && hints[runEnd].Start is null)
                runEnd++;
            var from = Math.Max(hints[runStart].Start ?? 0, runStart == 0 ? 0 : ends[runStart - 1]);
            var to = Math.Max(from, runEnd < written.Count ? hints[runEnd].Start!.Value : hints[runEnd - 1].Until ?? clipSeconds);
            Share(hints, runStart, runEnd, Math.Min(from, clipSeconds), Math.Min(to, clipSeconds), starts, ends);
            runStart = runEnd;
        }
        return written.Select((b, i) => new ScheduledBeat(i + 1, b.Text.Trim(), Round(starts[i]), Round(ends[i]), hints[i].Timed)).ToList();
    }

    /// <summary>Lays beats [first, last) one after another from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static void Share(List<Hint> hints, int first, int last, double from, double to, double[] starts, double[] ends)
    {
        var span = to - from;
        var known = 0.0;
        var unknown = 0;
        for (var i = first; i < last; i++)
        {
            if (hints[i].Length is { } length) known += length;
            else unknown++;
        }
        // Stated lengths that overrun the time they have are scaled down together; the rest share what is left.
        var scale = known > span && known > 0 ? span / known : 1;
        var each = unknown == 0 ? 0 : Math.Max(0, span - known * scale) / unknown;
        var cursor = from;
        for (var i = first; i < last; i++)
        {
            var length = hints[i].Length is { } stated ? stated * scale : each;
            starts[i] = cursor;
            ends[i] = Math.Min(to, cursor + length);
            cursor = ends[i];
        }
    }

    private static double Round(double seconds) => Math.Round(seconds, 2);

    /// <summary>What a beat says about its own time: a fixed start, a length, a fixed end ("until"), or nothing.</summary>
    private sealed record Hint(double? Start, double? Length, bool Timed, double? Until = null)
    {
        public static Hint Of(Beat beat, double clip)
        {
            if (beat.StartSeconds is { } start)
                return new Hint(start, beat.EndSeconds is { } end && end > start ? end - start : null, true);
            if (beat.EndSeconds is { } until)
                return new Hint(null, null, true, until);
            if (Edge().Match(beat.Text) is { Success: true } edge && Seconds(edge.Groups["n"].Value) is { } n && n <= clip)
                return edge.Groups["edge"].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? new Hint(0, n, true) : new Hint(clip - n, n, true);
            if (Duration().Match(beat.Text) is { Success: true } duration && Seconds(duration.Groups["n"].Value) is { } length)
                return new Hint(null, length, true);
            return new Hint(null, null, false);
        }
    }

    private static double? Seconds(string number)
    {
        if (number.Length == 0)
            return 1;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        return Array.IndexOf(Words, number.ToLowerInvariant()) is var i and > 0 ? i : null;
    }

    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    // "for two seconds", "for 1.5 s", "over 4 seconds", "for a second", "for a full second".
    [GeneratedRegex(@"\b(?:for|over|during)\s+(?:(?:a|an)\s+|(?<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*)(?:full\s+)?(?:seconds?|secs?|s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    // "in the final second", "in the last two seconds", "in the first second".
    [GeneratedRegex(@"\bin\s+the\s+(?<edge>final|last|first)\s+(?<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:seconds?|secs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Edge();
}
