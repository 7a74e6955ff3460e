using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SoraStudio.Emulator.Jobs;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>The contract's video object: all 13 fields, nullable ones written as null.</summary>
internal sealed record VideoResource(
    string Id,
    string Object,
    string Model,
    string Status,
    int Progress,
    long CreatedAt,
    long? CompletedAt,
    long? ExpiresAt,
    string? Prompt,
    string Size,
    string Seconds,
    string? RemixedFromVideoId,
    JobError? Error);

internal sealed record VideoListResource(string Object, IReadOnlyList<VideoResource> Data, string? FirstId, string? LastId, bool HasMore);

internal sealed record DeletedVideoResource(string Id, string Object, bool Deleted);

internal sealed record VideoCharacterResource(string? Id, string? Name, long CreatedAt);

internal sealed record ErrorBody(string Message, string Type, string? Param, string? Code);

internal sealed record ErrorResponse(ErrorBody Error);

internal sealed record WebhookEvent(string Id, string Object, long CreatedAt, string Type, WebhookEventData Data);

internal sealed record WebhookEventData(string Id);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(VideoResource))]
[JsonSerializable(typeof(VideoListResource))]
[JsonSerializable(typeof(DeletedVideoResource))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(VideoJob))]
[JsonSerializable(typeof(VideoCharacterResource))]
internal sealed partial class EmulatorJson : JsonSerializerContext
{
    /// <summary>Like the real API, writes apostrophes and non-ASCII text as they are rather than \u escapes.</summary>
    public static EmulatorJson Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
