using SoraStudio.Emulator.Media;

namespace SoraStudio.Emulator.Endpoints;

internal sealed record CharacterRequest(string Name, Mp4Info Clip);

/// <summary>POST /videos/characters: multipart only, a <c>video</c> file (2–4 s, 16:9 or 9:16, 720p–1080p) and a <c>name</c> (1–80).</summary>
internal static class CharacterRequestReader
{
    public const int MaxNameLength = 80;
    public const double MinSeconds = 2;
    public const double MaxSeconds = 4;

    // Container durations run a frame or an audio packet past the nominal length.
    private const double Tolerance = 0.1;

    public static async Task<CharacterRequest> ReadAsync(RequestBody body)
    {
        if (body.Form is not { } form)
        {
            throw body.Json is null ? ApiErrors.MissingParameter("video") : ApiErrors.MultipartOnly();
        }
        string? name = null;
        foreach (var (key, value) in form)
        {
            name = key switch
            {
                "name" => value.ToString(),
                "video" => throw ApiErrors.InvalidType("video", "a file", "a string"),
                _ => throw ApiErrors.UnknownParameter(key),
            };
        }
        IFormFile? video = null;
        foreach (var file in form.Files)
        {
            if (file.Name != "video")
            {
                throw file.Name == "name" ? ApiErrors.InvalidType("name", "a string", "a file") : ApiErrors.UnknownParameter(file.Name);
            }
            video = file;
        }
        if (video is null)
        {
            throw ApiErrors.MissingParameter("video");
        }
        if (name is null)
        {
            throw ApiErrors.MissingParameter("name");
        }
        if (name.Length < 1)
        {
            throw ApiErrors.StringTooShort("name", 1, name.Length);
        }
        if (name.Length > MaxNameLength)
        {
            throw ApiErrors.StringTooLong("name", MaxNameLength, name.Length);
        }
        using var bytes = new MemoryStream();
        await video.CopyToAsync(bytes);
        var clip = Mp4Probe.Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)) ?? throw ApiErrors.UndecodableVideo();
        if (clip.Seconds < MinSeconds - Tolerance || clip.Seconds > MaxSeconds + Tolerance)
        {
            throw ApiErrors.CharacterClipLength(clip.Seconds);
        }
        if (!IsAllowedShape(clip.Width, clip.Height))
        {
            throw ApiErrors.CharacterClipShape(clip.Width, clip.Height);
        }
        return new CharacterRequest(name, clip);
    }

    /// <summary>16:9 or 9:16 (within a pixel or two of rounding), short side 720 to 1080.</summary>
    internal static bool IsAllowedShape(int width, int height)
    {
        var (longSide, shortSide) = width >= height ? (width, height) : (height, width);
        return shortSide is >= 720 and <= 1080 && Math.Abs(longSide * 9 - shortSide * 16) <= 16 * 2;
    }
}
