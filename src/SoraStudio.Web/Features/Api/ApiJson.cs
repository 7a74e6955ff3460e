using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Api;

/// <summary>
/// The API's JSON: the shot spec's own shape (<see cref="SpecJson"/>), strict on the way in. Unknown fields, nulls
/// where a value is required, missing required fields, a field given twice, a name in another case and a number
/// sent as text are refused by name, so a typo never silently drops or changes a setting.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(SpecJson.Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // SpecJson's web defaults read names in any case and numbers from strings; the API reads exactly.
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static IResult Ok<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    /// <summary>Reads the body as <typeparamref name="T"/>, or says why not as a problem (415, 413, 400 naming the field).</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the body as JSON with Content-Type: application/json (not “{request.ContentType ?? "none"}”)."));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return (null, ApiProblems.Invalid("body", "The request needs a JSON body."));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, ApiProblems.Invalid("body", "The body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e);
            return (null, ApiProblems.Invalid(field, message));
        }
    }

    private static IResult TooLarge(long maxBytes) => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The API reads bodies of up to {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (Studio:Api:MaxRequestBodyBytes).");
}
