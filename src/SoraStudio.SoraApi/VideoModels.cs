using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace SoraStudio.SoraApi;

/// <summary>The API's video object: all 13 fields. <c>model</c>, <c>size</c>, <c>seconds</c> and <c>status</c> stay open strings.</summary>
public sealed record VideoJob
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("object")] public string Object { get; init; } = "video";
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("progress")] public int Progress { get; init; }
    [JsonPropertyName("created_at")] public long CreatedAt { get; init; }
    [JsonPropertyName("completed_at")] public long? CompletedAt { get; init; }
    [JsonPropertyName("expires_at")] public long? ExpiresAt { get; init; }
    [JsonPropertyName("prompt")] public string? Prompt { get; init; }
    [JsonPropertyName("size")] public string Size { get; init; } = "";
    [JsonPropertyName("seconds")] public string Seconds { get; init; } = "";
    [JsonPropertyName("remixed_from_video_id")] public string? RemixedFromVideoId { get; init; }
    [JsonPropertyName("error")] public VideoJobError? Error { get; init; }

    [JsonIgnore] public bool IsTerminal => Status is VideoStatus.Completed or VideoStatus.Failed;

    /// <summary>False for a status this client does not know (e.g. Batch's <c>expired</c>): treat as still unknown, not as failed.</summary>
    [JsonIgnore] public bool HasKnownStatus => VideoStatus.IsKnown(Status);

    /// <summary><see cref="Seconds"/> as a number, or null when the server sent something that is not a whole number.</summary>
    [JsonIgnore]
    public int? SecondsAsInt =>
        int.TryParse(Seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    [JsonIgnore] public bool IsModerationBlocked => Error?.Code == VideoErrorCodes.ModerationBlocked;
}

public sealed record VideoJobError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

public sealed record VideoPage
{
    [JsonPropertyName("object")] public string Object { get; init; } = "list";
    [JsonPropertyName("data")] public IReadOnlyList<VideoJob> Data { get; init; } = [];
    [JsonPropertyName("first_id")] public string? FirstId { get; init; }
    [JsonPropertyName("last_id")] public string? LastId { get; init; }
    [JsonPropertyName("has_more")] public bool HasMore { get; init; }
}

public sealed record DeletedVideo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("deleted")] bool Deleted);

/// <summary>
/// A create request, sent as multipart form data (as the SDKs send it) with <see cref="InputReference"/> as its file
/// part, or as JSON when the first frame is an <see cref="ImageInputReference"/>. Give at most one of the two.
/// </summary>
public sealed record CreateVideoRequest(string Prompt)
{
    public string? Model { get; init; }
    public string? Size { get; init; }
    public string? Seconds { get; init; }
    public ReferenceImageUpload? InputReference { get; init; }
    public ImageInputReference? ImageInputReference { get; init; }

    /// <summary>
    /// Characters (<c>char_…</c> ids) to cast, at most two; the prompt should name each verbatim. The later guide's
    /// field: sent as JSON <c>"characters":[{"id":…}]</c>, or beside an upload as <c>characters[][id]</c> parts.
    /// </summary>
    public IReadOnlyList<string> Characters { get; init; } = [];
}

/// <summary>An image to upload as the first frame. The stream is read once and not disposed by the client.</summary>
public sealed record ReferenceImageUpload(Stream Content, string FileName, string ContentType);

/// <summary>The first frame by reference (the contract's <c>ImageRefParam</c>): a URL or base64 data URL, or an uploaded file's id.</summary>
public sealed record ImageInputReference
{
    private ImageInputReference(string? imageUrl, string? fileId) => (ImageUrl, FileId) = (imageUrl, fileId);

    [JsonPropertyName("image_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImageUrl { get; }

    [JsonPropertyName("file_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FileId { get; }

    /// <summary>A fully qualified URL or a <c>data:image/…;base64,</c> URL.</summary>
    public static ImageInputReference FromUrl(string imageUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageUrl);
        return new(imageUrl, null);
    }

    public static ImageInputReference FromFileId(string fileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return new(null, fileId);
    }
}

/// <summary>Part of a download: <c>Range: bytes=From-To</c>, both inclusive; without <see cref="To"/>, to the end.</summary>
public sealed record ByteRange
{
    public ByteRange(long from, long? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it starts.");
        }
        (From, To) = (from, to);
    }

    public long From { get; }
    public long? To { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"bytes={From}-{To}");
}

/// <summary>A downloaded variant, streamed. Dispose it to release the connection.</summary>
public sealed class VideoContent(Stream content, string contentType, long? length, IDisposable? owner = null) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;
    public string ContentType { get; } = contentType;

    /// <summary>The bytes of <see cref="Content"/>: for a partial answer, of the part.</summary>
    public long? Length { get; } = length;

    /// <summary>Which part of the whole this is, when a range was asked for and the server sent one (206); null for the whole.</summary>
    public ContentRangeHeaderValue? Range { get; init; }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }

    public void Dispose()
    {
        Content.Dispose();
        owner?.Dispose();
    }
}

/// <summary>Known values of the open <c>status</c> string.</summary>
public static class VideoStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Queued, InProgress, Completed, Failed];

    public static bool IsKnown(string? status) => status is Queued or InProgress or Completed or Failed;
}

/// <summary>Known values of the open <c>model</c> string (snapshots such as <c>sora-2-2025-12-08</c> also occur).</summary>
public static class VideoModel
{
    public const string Sora2 = "sora-2";
    public const string Sora2Pro = "sora-2-pro";

    public static IReadOnlyList<string> All { get; } = [Sora2, Sora2Pro];

    public static bool IsKnown(string? model) => model is Sora2 or Sora2Pro;
}

/// <summary>
/// Known values of the open <c>size</c> string. The spec's enum has the first four; the later guide adds 1080p for
/// <c>sora-2-pro</c>, and a provider may send others: never reject a value for not being listed here.
/// </summary>
public static class KnownVideoSizes
{
    public const string Portrait720 = "720x1280";
    public const string Landscape720 = "1280x720";
    public const string TallPortrait = "1024x1792";
    public const string WideLandscape = "1792x1024";
    public const string Portrait1080 = "1080x1920";
    public const string Landscape1080 = "1920x1080";

    /// <summary>The spec's <c>VideoSize</c> enum.</summary>
    public static IReadOnlyList<string> Spec { get; } = [Portrait720, Landscape720, TallPortrait, WideLandscape];

    public static IReadOnlyList<string> All { get; } = [.. Spec, Portrait1080, Landscape1080];

    public static bool IsKnown(string? size) => size is not null && All.Contains(size);
}

/// <summary>
/// Known values of the open <c>seconds</c> string: the spec's 4/8/12, the later guide's 16/20; an extended video
/// reports its stitched total (up to 120), so read it with <see cref="VideoJob.SecondsAsInt"/>.
/// </summary>
public static class KnownVideoSeconds
{
    public static IReadOnlyList<string> Spec { get; } = ["4", "8", "12"];

    /// <summary>Clip lengths for a create, and the added length of one extension.</summary>
    public static IReadOnlyList<string> All { get; } = ["4", "8", "12", "16", "20"];

    public const int MaxExtensions = 6;
    public const int MaxExtendedTotal = 120;

    public static bool IsKnown(string? seconds) => seconds is not null && All.Contains(seconds);
}

/// <summary>The <c>order</c> query of the list endpoint.</summary>
public static class VideoOrder
{
    public const string Asc = "asc";
    public const string Desc = "desc";
}

/// <summary>Known values of <see cref="VideoJobError.Code"/>.</summary>
public static class VideoErrorCodes
{
    /// <summary>Deterministic: retrying the same prompt fails the same way.</summary>
    public const string ModerationBlocked = "moderation_blocked";
}

/// <summary>Known values of the <c>variant</c> query of the content endpoint.</summary>
public static class VideoVariant
{
    public const string Video = "video";
    public const string Thumbnail = "thumbnail";
    public const string Spritesheet = "spritesheet";

    public static IReadOnlyList<string> All { get; } = [Video, Thumbnail, Spritesheet];
}
