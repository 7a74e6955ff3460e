using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Api;

/// <summary>
/// The API's JSON: the shot spec's own shape (<see cref="SpecJson"/>), strict on the way in. Unknown fields, nulls
/// where a value is required and missing required fields are refused by name, so a typo never silently drops a
/// setting.
/// </summary>
public static partial class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(SpecJson.Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
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
            var (field, message) = Describe(e);
            return (null, ApiProblems.Invalid(field, message));
        }
    }

    private static IResult TooLarge(long maxBytes) => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The API reads bodies of up to {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (Studio:Api:MaxRequestBodyBytes).");

    /// <summary>The field (a JSON path without "$.") and a message without .NET type names.</summary>
    internal static (string Field, string Message) Describe(JsonException e)
    {
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        if (UnknownProperty().Match(e.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            var field = path.Length == 0 ? name : path.EndsWith(name, StringComparison.OrdinalIgnoreCase) ? path : $"{path}.{name}";
            return (field, $"Unknown field “{name}”.");
        }
        if (MissingRequired().Match(e.Message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(", ").Select(n => n.Trim('\'')).ToList();
            var prefix = path.Length == 0 ? "" : path + ".";
            return (prefix + names[0], $"Required: {string.Join(", ", names.Select(n => prefix + n))}.");
        }
        if (NullNotAllowed().Match(e.Message) is { Success: true } nulled)
        {
            // The message names the .NET member ("Name"); the path already ends with the JSON name ("name").
            var name = JsonNamingPolicy.CamelCase.ConvertName(nulled.Groups[1].Value);
            var field = path.Length == 0 ? name : path.EndsWith(name, StringComparison.OrdinalIgnoreCase) ? path : $"{path}.{name}";
            return (field, "This field cannot be null.");
        }
        if (path.Length == 0)
            return ("body", $"The body is not valid JSON: {Plain(e.Message)}");
        return (path, "This value has the wrong type or format for this field.");
    }

    private static string Plain(string message) => TypeName().Replace(message.Split(" Path:")[0], "").Trim();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$", RegexOptions.Multiline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"(?:property or field|constructor parameter|property) '([^']+)' .*(?:doesn't allow|does not allow) (?:getting|setting|null)")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"\s*(?:to type|on type|for type) '[^']+'")]
    private static partial Regex TypeName();
}
