using System.Text.Json.Serialization;
using SoraStudio.SoraApi.Webhooks;

namespace SoraStudio.SoraApi;

/// <summary>Source-generated serialization for every body the client reads or writes. Unknown fields are skipped.</summary>
[JsonSerializable(typeof(VideoJob))]
[JsonSerializable(typeof(VideoPage))]
[JsonSerializable(typeof(DeletedVideo))]
[JsonSerializable(typeof(RemixVideoBody))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(WebhookEvent))]
internal sealed partial class VideosApiJsonContext : JsonSerializerContext;

/// <summary>The JSON body of <c>POST /videos/{id}/remix</c>.</summary>
internal sealed record RemixVideoBody([property: JsonPropertyName("prompt")] string Prompt);

/// <summary>The platform's error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

internal sealed record ErrorBody(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string? Code);
