using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SoraStudio.Emulator.Media;

/// <summary>What the local ffmpeg can do; probed once per process lifetime of the emulator.</summary>
internal sealed record FfmpegCapabilities(bool Available, bool DrawText, bool WebP, string? FontFile, string? MonoFontFile, string? Reason)
{
    public static readonly FfmpegCapabilities None = new(false, false, false, null, null, "disabled");
}

internal sealed class FfmpegDetector(IOptions<EmulatorOptions> options, ILogger<FfmpegDetector> logger)
{
    private static readonly string[] FontFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/Library/Fonts"];

    // Once per process and ffmpeg/font setting: many emulators (one per test) share one probe.
    private static readonly ConcurrentDictionary<(string, string?), Lazy<Task<FfmpegCapabilities>>> Probes = new();

    public Task<FfmpegCapabilities> GetAsync()
    {
        var media = options.Value.Media;
        if (!media.UseFfmpeg)
        {
            return Task.FromResult(FfmpegCapabilities.None);
        }
        return Probes.GetOrAdd((media.FfmpegPath, media.FontFile), _ => new Lazy<Task<FfmpegCapabilities>>(() => DetectAsync(media, logger))).Value;
    }

    private static async Task<FfmpegCapabilities> DetectAsync(EmulatorMediaOptions media, ILogger logger)
    {
        ProcessResult encoders, filters;
        try
        {
            encoders = await ProcessRunner.RunAsync(media.FfmpegPath, ["-hide_banner", "-encoders"], TimeSpan.FromSeconds(20), CancellationToken.None);
            filters = await ProcessRunner.RunAsync(media.FfmpegPath, ["-hide_banner", "-filters"], TimeSpan.FromSeconds(20), CancellationToken.None);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or IOException)
        {
            logger.LogWarning("ffmpeg not usable ({Reason}); serving the bundled sample clips.", e.Message);
            return FfmpegCapabilities.None with { Reason = e.Message };
        }
        if (encoders.ExitCode != 0 || !HasWord(encoders.StandardOutput, "libx264") || !HasWord(encoders.StandardOutput, "aac"))
        {
            logger.LogWarning("ffmpeg lacks libx264 or aac; serving the bundled sample clips.");
            return FfmpegCapabilities.None with { Reason = "ffmpeg lacks libx264 or aac" };
        }

        var font = media.FontFile is { } configured && File.Exists(configured) ? configured : FindFont("DejaVuSans.ttf");
        var mono = FindFont("DejaVuSansMono.ttf") ?? font;
        var drawText = HasWord(filters.StandardOutput, "drawtext") && font is not null;
        if (!drawText)
        {
            logger.LogInformation("ffmpeg drawtext or the DejaVu font is missing; clips get a test pattern without text.");
        }
        return new FfmpegCapabilities(true, drawText, HasWord(encoders.StandardOutput, "libwebp"), font, mono, null);
    }

    private static string? FindFont(string name) =>
        FontFolders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static bool HasWord(string text, string word) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);
}
