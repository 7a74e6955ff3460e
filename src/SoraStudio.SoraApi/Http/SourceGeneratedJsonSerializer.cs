using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace SoraStudio.SoraApi.Http;

/// <summary>
/// Refit's JSON through a source-generated context only. Request bodies are bytes with a length and
/// <c>Content-Type: application/json</c>, as the official SDKs send them (and a retry can send them again);
/// a response body of JSON <c>null</c> is malformed, not a missing object.
/// </summary>
internal sealed class SourceGeneratedJsonSerializer(JsonSerializerContext context) : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo<T>()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, TypeInfo<T>(), cancellationToken)
            ?? throw new JsonException($"The body is null, not {typeof(T).Name}.");
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? propertyInfo.Name;

    private JsonTypeInfo<T> TypeInfo<T>() => context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{context.GetType().Name} has no metadata for {typeof(T).Name}.");
}
