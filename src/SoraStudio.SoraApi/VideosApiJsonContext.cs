using System.Text.Json.Serialization;
using SoraStudio.SoraApi.Webhooks;

namespace SoraStudio.SoraApi;

/// <summary>Source-generated serialization for every body the client reads or writes. Unknown fields are skipped.</summary>
[JsonSerializable(typeof(VideoJob))]
[JsonSerializable(typeof(VideoPage))]
[JsonSerializable(typeof(DeletedVideo))]
[JsonSerializable(typeof(CreateVideoJsonBody))]
[JsonSerializable(typeof(RemixVideoBody))]
[JsonSerializable(typeof(VideoSourceJsonBody))]
[JsonSerializable(typeof(VideoCharacter))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(WebhookEvent))]
internal sealed partial class VideosApiJsonContext : JsonSerializerContext;

/// <summary>The JSON body of <c>POST /videos</c> (the contract's <c>CreateVideoJsonBody</c>); what is not set is left out.</summary>
internal sealed record CreateVideoJsonBody(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model,
    [property: JsonPropertyName("size"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Size,
    [property: JsonPropertyName("seconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Seconds,
    [property: JsonPropertyName("input_reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImageInputReference? InputReference,
    [property: JsonPropertyName("characters"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<VideoReference>? Characters);

/// <summary>
/// The JSON body of <c>POST /videos/edits</c> (<c>CreateVideoEditJsonBody</c>) and <c>POST /videos/extensions</c>
/// (<c>CreateVideoExtendJsonBody</c>, which adds <c>seconds</c>).
/// </summary>
internal sealed record VideoSourceJsonBody(
    [property: JsonPropertyName("video")] VideoReference Video,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("seconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Seconds);

/// <summary>A reference by id: <c>{"id": "video_…"}</c> (<c>VideoReferenceInputParam</c>) or <c>{"id": "char_…"}</c>.</summary>
internal sealed record VideoReference([property: JsonPropertyName("id")] string Id);

/// <summary>The JSON body of <c>POST /videos/{id}/remix</c>.</summary>
internal sealed record RemixVideoBody([property: JsonPropertyName("prompt")] string Prompt);

/// <summary>The platform's error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

internal sealed record ErrorBody(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string? Code);
