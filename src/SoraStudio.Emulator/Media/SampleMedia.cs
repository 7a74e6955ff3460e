using System.Reflection;

namespace SoraStudio.Emulator.Media;

/// <summary>
/// The committed sample clips (wwwroot-assets/samples, embedded in this assembly): one playable clip per
/// size × duration, one thumbnail and one spritesheet per size. Used when ffmpeg is absent or fails.
/// </summary>
internal static class SampleMedia
{
    private static readonly Assembly Assembly = typeof(SampleMedia).Assembly;

    public static string ClipName(int width, int height, int seconds) => $"samples/sample-{width}x{height}-{seconds}s.mp4";
    public static string ThumbnailName(int width, int height) => $"samples/thumbnail-{width}x{height}.webp";
    public static string SpritesheetName(int width, int height) => $"samples/spritesheet-{width}x{height}.jpg";

    private static readonly int[] SampleSeconds = [4, 8, 12];

    public static bool Has(RenderRequest request) =>
        Assembly.GetManifestResourceInfo(ClipName(request.Width, request.Height, request.Seconds)) is not null;

    /// <summary>
    /// The sample of the request's size and length; for a size or length without one (1080p, 16/20 s, an extension's
    /// stitched total) the closest: the 720p size of the same orientation, the longest sample not longer than asked.
    /// Without ffmpeg nothing can be stitched or sized, so such a clip is shorter or smaller than its video says.
    /// </summary>
    public static (int Width, int Height, int Seconds) Closest(int width, int height, int seconds)
    {
        var hasSize = Assembly.GetManifestResourceInfo(ThumbnailName(width, height)) is not null;
        var (w, h) = hasSize ? (width, height) : width > height ? (1280, 720) : (720, 1280);
        var total = seconds;
        var s = SampleSeconds.Contains(total) ? total : SampleSeconds.Where(x => x <= total).DefaultIfEmpty(SampleSeconds[0]).Max();
        return (w, h, s);
    }

    public static async Task<RenderedMedia> CopyToAsync(RenderRequest request, string folder, CancellationToken cancellationToken)
    {
        var (w, h, s) = Closest(request.Width, request.Height, request.Seconds + (request.StitchAfter is null ? 0 : StitchedSeconds(request)));
        await CopyAsync(ClipName(w, h, s), Path.Combine(folder, MediaFiles.Video), cancellationToken);
        await CopyAsync(ThumbnailName(w, h), Path.Combine(folder, MediaFiles.ThumbnailWebp), cancellationToken);
        await CopyAsync(SpritesheetName(w, h), Path.Combine(folder, MediaFiles.Spritesheet), cancellationToken);
        return new RenderedMedia(MediaFiles.WebpContentType, FromSamples: true);
    }

    /// <summary>The source's length, read from its header (no ffmpeg here); 0 when it cannot be read.</summary>
    private static int StitchedSeconds(RenderRequest request) =>
        File.Exists(request.StitchAfter) && Mp4Probe.Read(File.ReadAllBytes(request.StitchAfter!)) is { } info ? (int)Math.Round(info.Seconds) : 0;

    private static async Task CopyAsync(string resource, string destination, CancellationToken cancellationToken)
    {
        await using var source = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The emulator assembly has no embedded sample '{resource}'; run wwwroot-assets/samples/make-samples.sh.");
        await using var target = File.Create(destination);
        await source.CopyToAsync(target, cancellationToken);
    }
}
