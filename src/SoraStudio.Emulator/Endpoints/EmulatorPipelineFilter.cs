using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Faults;
using SoraStudio.Emulator.Jobs;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>
/// Runs around every emulator endpoint: x-request-id, the request log, bearer auth, the body size cap,
/// injected faults, and the error envelope for anything thrown.
/// </summary>
internal sealed class EmulatorPipelineFilter(IOptions<EmulatorOptions> options, FaultInjector faults, EmulatorRequestLog log, TimeProvider time,
    ILogger<EmulatorPipelineFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        var requestId = Ids.NewRequestId();
        http.Response.Headers["x-request-id"] = requestId;
        if (http.GetEndpoint()?.Metadata.GetMetadata<OperationMetadata>() is { } metadata)
        {
            var videoId = http.Request.RouteValues["video_id"] as string;
            // Recorded as the response starts, so a client never sees a response its log entry lacks.
            http.Response.OnStarting(() =>
            {
                log.Record(new EmulatorRequest(metadata.Operation, videoId, http.Response.StatusCode, requestId, time.GetUtcNow()));
                return Task.CompletedTask;
            });
        }
        try
        {
            Authenticate(http.Request, settings.ApiKey);
            LimitBody(http, settings.MaxRequestBodyBytes);
            await faults.BeforeRequestAsync(http.RequestAborted);
            return await next(context);
        }
        catch (ApiException e)
        {
            return new ErrorResult(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ErrorResult(ApiErrors.BodyTooLarge(settings.MaxRequestBodyBytes));
        }
        catch (BadHttpRequestException e)
        {
            return new ErrorResult(new ApiException(400, $"Could not read the request body: {e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            // Whatever failed, the client gets the API's envelope, as from the real service, never an empty 500.
            logger.LogError(e, "The emulator failed to handle {Method} {Path}.", http.Request.Method, http.Request.Path);
            return new ErrorResult(ApiErrors.ServerError());
        }
    }

    private static void Authenticate(HttpRequest request, string? apiKey)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            throw ApiErrors.MissingApiKey();
        }
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0)
        {
            throw ApiErrors.MissingApiKey();
        }
        if (!string.IsNullOrEmpty(apiKey) && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(apiKey)))
        {
            throw ApiErrors.IncorrectApiKey(key);
        }
    }

    private static void LimitBody(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            throw ApiErrors.BodyTooLarge(maxBytes);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }
}
