using System.Text.Json.Serialization;

namespace SoraStudio.SoraApi;

/// <summary>
/// <c>POST /videos/edits</c>: a new video from a completed one, changed as <see cref="Prompt"/> says. Name the source
/// by <see cref="VideoId"/> (sent as JSON <c>{"video":{"id":…}}</c>; the provider infers model, size and length), or
/// upload it as <see cref="Video"/> (multipart; providers offer that to some customers only). Give exactly one.
/// </summary>
public sealed record EditVideoRequest(string Prompt)
{
    public string? VideoId { get; init; }
    public VideoUpload? Video { get; init; }
}

/// <summary>
/// <c>POST /videos/extensions</c>: a new video that is the source followed by <see cref="Seconds"/> more (4, 8, 12, 16
/// or 20), directed by <see cref="Prompt"/>. The result's <c>seconds</c> is the stitched total. Source as in
/// <see cref="EditVideoRequest"/>.
/// </summary>
public sealed record ExtendVideoRequest(string Prompt, string Seconds)
{
    public string? VideoId { get; init; }
    public VideoUpload? Video { get; init; }
}

/// <summary><c>POST /videos/characters</c>: a character from a short clip (2–4 s, 16:9 or 9:16), named 1–80 characters.</summary>
public sealed record CreateCharacterRequest(string Name, VideoUpload Video);

/// <summary>A video file to upload. The stream is read once and not disposed by the client.</summary>
public sealed record VideoUpload(Stream Content, string FileName, string ContentType = "video/mp4");

/// <summary>The contract's <c>VideoCharacterResource</c>. <c>id</c> and <c>name</c> are nullable in the schema.</summary>
public sealed record VideoCharacter
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("created_at")] public long CreatedAt { get; init; }
}
