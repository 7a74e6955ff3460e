using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// ffmpeg and ffprobe as export and clip import run them: where they are (<c>Studio:Export:FfmpegPath</c> and
/// <c>FfprobePath</c>, else looked up on PATH), run without a shell through <see cref="ProcessRunner"/>.
/// </summary>
public sealed class MediaTools(IConfiguration configuration)
{
    public string Ffmpeg => configuration["Studio:Export:FfmpegPath"] is { Length: > 0 } path ? path : "ffmpeg";

    public string Ffprobe => configuration["Studio:Export:FfprobePath"] is { Length: > 0 } path ? path : "ffprobe";

    /// <summary>Runs <paramref name="tool"/>; null when it is not installed (each caller says what that means for it).</summary>
    public static Task<ProcessResult?> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(tool, arguments, timeout, cancellationToken);
}
