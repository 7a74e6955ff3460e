using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SoraStudio.SoraApi;

/// <summary>
/// The two retry pipelines. Reads and deletes retry every transient fault; paid calls (create, remix) retry only
/// where the failure proves nothing was created, because the API has no idempotency key.
/// </summary>
internal static class VideosApiResilience
{
    public static ResiliencePipeline Build(VideosApiOptions options, bool paid, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder
        {
            Name = paid ? "videos-api-paid" : "videos-api-reads",
            TimeProvider = timeProvider,
        };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is VideosApiException e && ShouldRetry(e, paid, options.MaxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                DelayBeforeRetry((VideosApiException)args.Outcome.Exception!, args.AttemptNumber, options, Random.Shared.NextDouble())),
            OnRetry = args =>
            {
                var e = (VideosApiException)args.Outcome.Exception!;
                logger.LogWarning(
                    "Videos API call failed ({Kind}, HTTP {Status}, request {RequestId}); retry {Retry} of {MaxRetries} in {DelayMs:0} ms: {Message}",
                    e.Kind, (int?)e.StatusCode, e.RequestId, args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay.TotalMilliseconds, e.Message);
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
    public static TimeSpan DelayBeforeRetry(VideosApiException e, int retriesTaken, VideosApiOptions options, double random)
    {
        if (e.RetryAfter is { } requested && requested > TimeSpan.Zero)
        {
            return requested;
        }
        var exponential = options.BaseDelay * Math.Pow(2, Math.Min(retriesTaken, 30));
        var capped = exponential < options.MaxDelay ? exponential : options.MaxDelay;
        return capped * (1 - 0.25 * random);
    }
}
