using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>Writes the OpenAI error envelope, with Retry-After when the error carries one.</summary>
internal sealed class ErrorResult(ApiException error) : IResult
{
    public ApiException Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Error.RetryAfterSeconds is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        return Results.Json(Error.ToResponse(), EmulatorJson.Api.ErrorResponse, statusCode: Error.StatusCode).ExecuteAsync(httpContext);
    }
}
