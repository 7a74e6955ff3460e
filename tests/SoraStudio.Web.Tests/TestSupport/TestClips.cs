using System.Globalization;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>Real MP4 clips (H.264 + AAC) made with ffmpeg: a test pattern and a tone, of the length and size asked.</summary>
public static class TestClips
{
    public static async Task<string> MakeAsync(string folder, double seconds, int width, int height, string? name = null)
    {
        var path = Path.Combine(folder, name ?? $"clip-{width}x{height}-{seconds.ToString("0.#", CultureInfo.InvariantCulture)}s-{Guid.NewGuid():N}.mp4");
        var length = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        await RunAsync(
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=12:duration={length}",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={length}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path);
        return path;
    }

    /// <summary>A clip that is one colour and then, for its last second, another: its last frame is <paramref name="last"/>.</summary>
    public static async Task<string> TwoColoursAsync(string folder, string first, string last, int width, int height)
    {
        var path = Path.Combine(folder, $"colours-{Guid.NewGuid():N}.mp4");
        await RunAsync(
            "-f", "lavfi", "-i", $"color=c={first}:size={width}x{height}:rate=12:duration=2",
            "-f", "lavfi", "-i", $"color=c={last}:size={width}x{height}:rate=12:duration=1",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);
        return path;
    }

    /// <summary>An image's pixels as RGB triples (decoded by ffmpeg).</summary>
    public static async Task<byte[]> PixelsAsync(string image)
    {
        var raw = image + ".rgb";
        await RunAsync("-i", image, "-f", "rawvideo", "-pix_fmt", "rgb24", raw);
        return await File.ReadAllBytesAsync(raw);
    }

    private static async Task RunAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. arguments], TimeSpan.FromMinutes(1), CancellationToken.None)
            ?? throw new InvalidOperationException("These tests need ffmpeg (apt-get install ffmpeg; ./test.sh installs it).");
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed ({result.ExitCode}): {result.StandardError}");
    }
}
