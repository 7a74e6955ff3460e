using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SoraStudio.SoraApi.Http;

/// <summary>
/// The two retry pipelines of <see cref="ApiPolicyHandler"/>. Reads and deletes retry every transient fault; paid calls
/// retry only where the failure proves nothing was created, because the API has no idempotency key.
/// </summary>
internal static class ApiRetries
{
    public static ResiliencePipeline Build(ApiPolicy policy, bool paid, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder
        {
            Name = paid ? "videos-api-paid" : "videos-api-reads",
            TimeProvider = timeProvider,
        };
        if (policy.MaxRetries == 0)
        {
            return builder.Build();
        }
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = policy.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is VideosApiException e && ShouldRetry(e, paid, policy.MaxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                DelayBeforeRetry((VideosApiException)args.Outcome.Exception!, args.AttemptNumber, policy, Random.Shared.NextDouble())),
            OnRetry = args =>
            {
                var e = (VideosApiException)args.Outcome.Exception!;
                logger.LogWarning(
                    "Videos API call failed ({Kind}, HTTP {Status}, request {RequestId}); retry {Retry} of {MaxRetries} in {DelayMs:0} ms: {Message}",
                    e.Kind, (int?)e.StatusCode, e.RequestId, args.AttemptNumber + 1, policy.MaxRetries, args.RetryDelay.TotalMilliseconds, e.Message);
                return default;
            },
        }).Build();
    }

    public static bool ShouldRetry(VideosApiException e, bool paid, TimeSpan maxRetryAfter)
    {
        if (e.RetryAfter > maxRetryAfter)
        {
            return false;
        }
        if (paid)
        {
            return e.Kind == ApiErrorKind.RateLimited
                || (e.Kind == ApiErrorKind.Network && VideosApiErrors.IsConnectionRefused(e.InnerException));
        }
        return e.Kind switch
        {
            ApiErrorKind.RateLimited or ApiErrorKind.Network => true,
            ApiErrorKind.Server => e.StatusCode is HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError,
            _ => false,
        };
    }

    /// <summary>The server's wait when it gave one, else min(base·2ⁿ, max) × (0.75..1), as the official SDKs do.</summary>
    public static TimeSpan DelayBeforeRetry(VideosApiException e, int retriesTaken, ApiPolicy policy, double random)
    {
        if (e.RetryAfter is { } requested && requested > TimeSpan.Zero)
        {
            return requested;
        }
        var exponential = policy.BaseDelay * Math.Pow(2, Math.Min(retriesTaken, 30));
        var capped = exponential < policy.MaxDelay ? exponential : policy.MaxDelay;
        return capped * (1 - 0.25 * random);
    }
}
