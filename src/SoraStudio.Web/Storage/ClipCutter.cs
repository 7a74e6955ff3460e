using System.Globalization;

namespace SoraStudio.Web.Storage;

/// <summary>ffmpeg is missing or could not do what was asked; the message says which and why.</summary>
public sealed class ClipCutterException(string message) : Exception(message);

/// <summary>
/// The cuts the studio makes of its own clips with ffmpeg (<c>Studio:Export:FfmpegPath</c>, else ffmpeg on PATH): a
/// range re-encoded as a clip of its own (a character's source), a still (its thumbnail) and the last frame (the next
/// shot's first). Files in, files out; the caller stores them.
/// </summary>
public sealed class ClipCutter(IConfiguration configuration)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private string Ffmpeg => configuration["Studio:Export:FfmpegPath"] is { Length: > 0 } path ? path : "ffmpeg";

    /// <summary>
    /// [<paramref name="from"/>, <paramref name="from"/> + <paramref name="seconds"/>) of <paramref name="input"/> as H.264 +
    /// AAC: re-encoded, so the cut starts on the asked frame rather than on the keyframe before it.
    /// </summary>
    public Task CutAsync(string input, double from, double seconds, string output, CancellationToken cancellationToken) =>
        RunAsync(
        [
            "-ss", Number(from), "-i", input, "-t", Number(seconds),
            "-map", "0:v:0", "-map", "0:a:0?", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-movflags", "+faststart", "-f", "mp4", output,
        ], "cut the clip", cancellationToken);

    /// <summary>One frame at <paramref name="at"/> seconds as a JPEG <paramref name="width"/> pixels wide.</summary>
    public Task StillAsync(string input, double at, int width, string output, CancellationToken cancellationToken) =>
        RunAsync(["-ss", Number(at), "-i", input, "-frames:v", "1", "-vf", $"scale={width}:-2", "-q:v", "4", "-f", "image2", output],
            "take a still of the clip", cancellationToken);

    /// <summary>
    /// The clip's last frame as a PNG of exactly <paramref name="width"/> x <paramref name="height"/> (scaled to cover, then
    /// cropped to the centre, should the clip's own size differ). The final second is decoded and each frame written over
    /// the last, so what remains is the final frame, however the clip's length falls on its frames.
    /// </summary>
    public Task LastFrameAsync(string input, int width, int height, string output, CancellationToken cancellationToken) =>
        RunAsync(
        [
            "-sseof", "-1", "-i", input, "-an",
            "-vf", $"scale={width}:{height}:force_original_aspect_ratio=increase,crop={width}:{height},setsar=1",
            "-update", "1", "-f", "image2", "-c:v", "png", output,
        ], "extract the last frame", cancellationToken);

    private async Task RunAsync(string[] arguments, string what, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Ffmpeg, ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. arguments], Timeout, cancellationToken)
            ?? throw new ClipCutterException($"ffmpeg is not installed (looked for “{Ffmpeg}”): install it (apt-get install ffmpeg) or set Studio:Export:FfmpegPath to {what}.");
        if (result.ExitCode != 0)
            throw new ClipCutterException($"ffmpeg could not {what} (exit {result.ExitCode}): {Tail(result.StandardError)}");
        if (!File.Exists(arguments[^1]) || new FileInfo(arguments[^1]).Length == 0)
            throw new ClipCutterException($"ffmpeg could not {what}: it wrote nothing.");
    }

    private static string Number(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Tail(string errors)
    {
        var text = errors.Trim();
        return text.Length <= 400 ? text : "…" + text[^400..];
    }
}
