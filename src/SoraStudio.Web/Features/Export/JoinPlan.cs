using System.Globalization;

namespace SoraStudio.Web.Features.Export;

/// <summary>A selected take's video as the join sees it; frame rate and codec are known once ffprobe has read the file.</summary>
public sealed record JoinInput(int Width, int Height, double Seconds, string? FrameRate = null, string? Codec = null, bool HasAudio = false);

/// <summary>
/// How the selected takes become one MP4: a stream copy when they share size, frame rate and codec parameters, else
/// re-encoded to the size most of the running time uses (letterboxed or pillarboxed, never stretched).
/// </summary>
public sealed record JoinPlan(bool Reencode, int Width, int Height, string? Reason, string? FrameRate = null)
{
    /// <summary>Says which path was taken, e.g. “re-encoded to 1280×720 because shots differ in size”.</summary>
    public string Summary => Reencode
        ? $"re-encoded to {Width}×{Height} because {Reason}"
        : $"joined without re-encoding: every take is {Width}×{Height}";

    /// <summary>The summary for an HTTP header (ASCII only).</summary>
    public string HeaderValue => Summary.Replace('×', 'x');

    public static JoinPlan For(IReadOnlyList<JoinInput> inputs)
    {
        if (inputs.Count == 0)
            throw new ArgumentException("Nothing to join.", nameof(inputs));
        // GroupBy keeps first appearance and OrderByDescending is stable: on a tie, the size that comes first.
        var main = inputs.GroupBy(i => (i.Width, i.Height)).OrderByDescending(g => g.Sum(i => i.Seconds)).First();
        var reason =
            Differ(inputs, i => (i.Width, i.Height)) ? "shots differ in size"
            : Differ(inputs, i => i.FrameRate) ? "shots differ in frame rate"
            : Differ(inputs, i => (i.Codec, i.HasAudio)) ? "shots differ in codec parameters"
            : null;
        var frameRate = inputs.Where(i => (i.Width, i.Height) == main.Key).GroupBy(i => i.FrameRate)
            .OrderByDescending(g => g.Sum(i => i.Seconds)).First().Key;
        return new JoinPlan(reason is not null, main.Key.Width, main.Key.Height, reason, frameRate);
    }

    /// <summary>Width and height of a size such as <c>1280x720</c>; null when it does not read as one.</summary>
    public static (int Width, int Height)? ParseSize(string size) =>
        size.Split('x') is [var w, var h] && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var height) && width > 0 && height > 0
            ? (width, height) : null;

    /// <summary>
    /// ffmpeg's arguments for the re-encode: each input scaled to fit the plan's size, padded to it (black bars),
    /// brought to one frame rate, and concatenated with its sound (silence for a take without any).
    /// </summary>
    public IReadOnlyList<string> ReencodeArguments(IReadOnlyList<(string Path, JoinInput Input)> parts, string output)
    {
        var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-y" };
        foreach (var (path, _) in parts)
            arguments.AddRange(["-i", path]);
        var audio = parts.Any(p => p.Input.HasAudio);
        var silence = parts.Count;
        var filter = new List<string>();
        var concat = "";
        for (var i = 0; i < parts.Count; i++)
        {
            var fps = FrameRate is { Length: > 0 } rate && rate != "0/0" ? $",fps={rate}" : "";
            filter.Add($"[{i}:v]scale={Width}:{Height}:force_original_aspect_ratio=decrease,pad={Width}:{Height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1{fps},format=yuv420p[v{i}]");
            concat += $"[v{i}]";
            if (!audio)
                continue;
            var source = parts[i].Input.HasAudio ? $"{i}:a" : $"{silence++}:a";
            if (!parts[i].Input.HasAudio)
                arguments.AddRange(["-f", "lavfi", "-t", parts[i].Input.Seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", "anullsrc=r=48000:cl=stereo"]);
            filter.Add($"[{source}]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[a{i}]");
            concat += $"[a{i}]";
        }
        filter.Add($"{concat}concat=n={parts.Count}:v=1:a={(audio ? 1 : 0)}[v]{(audio ? "[a]" : "")}");
        arguments.AddRange(["-filter_complex", string.Join(';', filter), "-map", "[v]"]);
        if (audio)
            arguments.AddRange(["-map", "[a]", "-c:a", "aac", "-b:a", "160k"]);
        arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-movflags", "+faststart", "-f", "mp4", output]);
        return arguments;
    }

    private static bool Differ<T>(IEnumerable<JoinInput> inputs, Func<JoinInput, T> key) => inputs.Select(key).Distinct().Skip(1).Any();
}
