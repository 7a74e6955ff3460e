namespace SoraStudio.Emulator.Media;

/// <summary>File names and content types of a job's media folder.</summary>
internal static class MediaFiles
{
    public const string Video = "video.mp4";
    public const string ThumbnailWebp = "thumbnail.webp";
    public const string ThumbnailJpeg = "thumbnail.jpg";
    public const string Spritesheet = "spritesheet.jpg";

    public const string VideoContentType = "video/mp4";
    public const string WebpContentType = "image/webp";
    public const string JpegContentType = "image/jpeg";

    public static string ThumbnailFile(string contentType) => contentType == WebpContentType ? ThumbnailWebp : ThumbnailJpeg;
}

/// <summary>What a render produced: the folder always holds video.mp4, spritesheet.jpg and one thumbnail file.</summary>
internal sealed record RenderedMedia(string ThumbnailContentType, bool FromSamples);

/// <summary>What to render: the job's look, independent of how it is rendered.</summary>
internal sealed record RenderRequest(string Id, string Prompt, int Width, int Height, int Seconds)
{
    /// <summary>A line above the prompt on the card (e.g. "Edit", "Cast: Mia, Leo").</summary>
    public string? Heading { get; init; }

    /// <summary>For an extension: the clip to play first; <see cref="Seconds"/> is then the added part only.</summary>
    public string? StitchAfter { get; init; }
}
