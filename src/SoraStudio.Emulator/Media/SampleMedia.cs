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

    public static bool Has(RenderRequest request) =>
        Assembly.GetManifestResourceInfo(ClipName(request.Width, request.Height, request.Seconds)) is not null;

    public static async Task<RenderedMedia> CopyToAsync(RenderRequest request, string folder, CancellationToken cancellationToken)
    {
        await CopyAsync(ClipName(request.Width, request.Height, request.Seconds), Path.Combine(folder, MediaFiles.Video), cancellationToken);
        await CopyAsync(ThumbnailName(request.Width, request.Height), Path.Combine(folder, MediaFiles.ThumbnailWebp), cancellationToken);
        await CopyAsync(SpritesheetName(request.Width, request.Height), Path.Combine(folder, MediaFiles.Spritesheet), cancellationToken);
        return new RenderedMedia(MediaFiles.WebpContentType, FromSamples: true);
    }

    private static async Task CopyAsync(string resource, string destination, CancellationToken cancellationToken)
    {
        await using var source = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The emulator assembly has no embedded sample '{resource}'; run wwwroot-assets/samples/make-samples.sh.");
        await using var target = File.Create(destination);
        await source.CopyToAsync(target, cancellationToken);
    }
}
