using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoraStudio.SoraApi.Webhooks;

/// <summary>A webhook event as OpenAI sends it: <c>{"id","object":"event","created_at","type","data":{"id"}}</c>.</summary>
public sealed record WebhookEvent
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("object")] public string Object { get; init; } = "event";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("created_at")] public long CreatedAt { get; init; }
    [JsonPropertyName("data")] public WebhookEventData Data { get; init; } = new("");

    /// <summary>For <c>video.*</c> events, the video the event is about.</summary>
    [JsonIgnore] public string VideoId => Data.Id;

    [JsonIgnore] public bool IsVideoEvent => Type is WebhookEventTypes.VideoCompleted or WebhookEventTypes.VideoFailed;

    /// <summary>Parses a (verified) payload; a body without <c>id</c>, <c>type</c> or <c>data.id</c> is not an event.</summary>
    public static WebhookEvent Parse(string payload)
    {
        var parsed = JsonSerializer.Deserialize(payload, VideosApiJsonContext.Default.WebhookEvent);
        if (parsed is null || string.IsNullOrEmpty(parsed.Id) || string.IsNullOrEmpty(parsed.Type) || string.IsNullOrEmpty(parsed.Data?.Id))
        {
            throw new JsonException("The webhook payload is not an event: it needs id, type and data.id.");
        }
        return parsed;
    }
}

public sealed record WebhookEventData([property: JsonPropertyName("id")] string Id);

/// <summary>The event types of video jobs (from the video generation guide; they are not in the OpenAPI spec).</summary>
public static class WebhookEventTypes
{
    public const string VideoCompleted = "video.completed";
    public const string VideoFailed = "video.failed";
}
