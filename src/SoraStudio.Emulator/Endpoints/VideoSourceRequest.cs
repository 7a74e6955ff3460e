using System.Text.Json;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>POST /videos/edits and /videos/extensions: the source video by id, the prompt, and (extensions) the added seconds.</summary>
internal sealed record VideoSourceRequest(string VideoId, string Prompt, string? Seconds);

/// <summary>
/// Reads the edit and extension bodies: JSON <c>{"video":{"id":…},"prompt":…}</c>, or multipart with the bracketed
/// <c>video[id]</c> key the official SDKs write. An uploaded source file is refused: the real service offered that to
/// eligible customers only, and the emulator keeps no such list.
/// </summary>
internal static class VideoSourceRequestReader
{
    /// <summary>The added length of one extension (contract: "allowed values: 4, 8, 12, 16, 20").</summary>
    public static readonly string[] ExtensionSeconds = ["4", "8", "12", "16", "20"];

    private const string Video = "video";

    public static VideoSourceRequest ReadEdit(RequestBody body) => Read(body, withSeconds: false);

    public static VideoSourceRequest ReadExtension(RequestBody body) => Read(body, withSeconds: true);

    private static VideoSourceRequest Read(RequestBody body, bool withSeconds)
    {
        string? videoId = null, prompt = null, seconds = null;
        var fields = withSeconds ? new[] { "prompt", "seconds" } : ["prompt"];
        if (body.Json is { } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (property.Name == Video)
                {
                    videoId = JsonVideo(property.Value);
                }
                else if (fields.Contains(property.Name))
                {
                    var text = CreateVideoRequestReader.JsonString(property);
                    (prompt, seconds) = property.Name == "prompt" ? (text, seconds) : (prompt, text);
                }
                else
                {
                    throw ApiErrors.UnknownParameter(property.Name);
                }
            }
        }
        else if (body.Form is { } form)
        {
            foreach (var (key, value) in form)
            {
                switch (key)
                {
                    case "video[id]":
                        videoId = value.ToString();
                        break;
                    case Video:
                        throw ApiErrors.InvalidType(Video, "a file or an object", "a string");
                    case "prompt":
                        prompt = value.ToString();
                        break;
                    case "seconds" when withSeconds:
                        seconds = value.ToString();
                        break;
                    default:
                        throw ApiErrors.UnknownParameter(key);
                }
            }
            foreach (var file in form.Files)
            {
                throw file.Name == Video ? ApiErrors.VideoUploadNotAvailable() : ApiErrors.UnknownParameter(file.Name);
            }
        }

        if (videoId is null)
        {
            throw ApiErrors.MissingParameter(Video);
        }
        var checkedPrompt = CreateVideoRequestReader.ValidatePrompt(prompt);
        if (withSeconds)
        {
            if (seconds is null)
            {
                throw ApiErrors.MissingParameter("seconds");
            }
            if (!ExtensionSeconds.Contains(seconds))
            {
                throw ApiErrors.InvalidValue("seconds", seconds, ExtensionSeconds);
            }
        }
        return new VideoSourceRequest(videoId, checkedPrompt, seconds);
    }

    private static string JsonVideo(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiErrors.InvalidType(Video, "an object", RequestBody.JsonKind(value));
        }
        string? id = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != "id")
            {
                throw ApiErrors.UnknownParameter($"{Video}.{property.Name}");
            }
            id = property.Value.ValueKind == JsonValueKind.String
                ? CreateVideoRequestReader.Text(property.Value, "video.id")
                : throw ApiErrors.InvalidType("video.id", "a string", RequestBody.JsonKind(property.Value));
        }
        return id ?? throw ApiErrors.MissingParameter("video.id");
    }
}
