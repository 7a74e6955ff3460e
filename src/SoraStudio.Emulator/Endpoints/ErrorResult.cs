using System.Globalization;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>Writes the OpenAI error envelope, with Retry-After when the error carries one (and Connection: close with a 413).</summary>
internal sealed class ErrorResult(ApiException error) : IResult
{
    public ApiException Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body stays unread, so the server drops the connection after answering: say so.
            httpContext.Response.Headers.Connection = "close";
        }
        if (Error.RetryAfterSeconds is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        return Results.Json(Error.ToResponse(), EmulatorJson.Api.ErrorResponse, statusCode: Error.StatusCode).ExecuteAsync(httpContext);
    }
}
