using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>A request body's fields, whichever encoding it came in: JSON members or multipart parts.</summary>
internal sealed class RequestBody
{
    private RequestBody(JsonElement? json, IFormCollection? form)
    {
        Json = json;
        Form = form;
    }

    public JsonElement? Json { get; }

    public IFormCollection? Form { get; }

    public static readonly RequestBody Empty = new(null, null);

    public static async Task<RequestBody> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength == 0 || (request.ContentType is null && request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return Empty;
        }
        if (request.HasJsonContentType())
        {
            return await ReadJsonAsync(request);
        }
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            return await ReadMultipartAsync(request, maxBytes);
        }
        throw ApiErrors.UnsupportedContentType(request.ContentType);
    }

    private static async Task<RequestBody> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiErrors.InvalidType("body", "a JSON object", JsonKind(document.RootElement));
            }
            return new RequestBody(document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            throw ApiErrors.MalformedJson();
        }
    }

    private static async Task<RequestBody> ReadMultipartAsync(HttpRequest request, long maxBytes)
    {
        var limits = new FormOptions
        {
            MultipartBodyLengthLimit = maxBytes,
            ValueLengthLimit = (int)Math.Min(maxBytes, int.MaxValue),
            BufferBodyLengthLimit = maxBytes,
            MultipartHeadersLengthLimit = 16 * 1024,
            ValueCountLimit = 64,
        };
        try
        {
            return new RequestBody(null, await request.ReadFormAsync(limits, request.HttpContext.RequestAborted));
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiErrors.BodyTooLarge(maxBytes);
        }
        catch (InvalidDataException e)
        {
            throw ApiErrors.MalformedMultipart(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ApiErrors.BodyTooLarge(maxBytes);
        }
        catch (IOException e)
        {
            throw ApiErrors.MalformedMultipart(e.Message);
        }
    }

    public static string JsonKind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "an integer" : "a decimal",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
