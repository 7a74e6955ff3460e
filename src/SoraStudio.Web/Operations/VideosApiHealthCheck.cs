using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SoraStudio.SoraApi;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Operations;

/// <summary>
/// The Videos API provider answers an authenticated list of one video (free at the provider). The answer is kept
/// for <see cref="HealthOptions.ProviderCacheDuration"/>, so probes every few seconds cost one call per period.
/// </summary>
internal sealed class VideosApiHealthCheck(
    IServiceScopeFactory scopes,
    VideosBackend backend,
    ProviderProbeCache cache,
    IOptions<HealthOptions> options,
    TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (backend.Unusable is { } reason)
            return HealthCheckResult.Unhealthy(reason, data: new Dictionary<string, object> { ["provider"] = "configured endpoint" });
        var now = time.GetUtcNow();
        if (cache.TryGet(now, settings.ProviderCacheDuration) is not { } answer)
        {
            answer = await ProbeAsync(settings, cancellationToken);
            cache.Set(now, answer.Reachable, answer.Message);
        }
        var (reachable, message) = answer;
        var data = new Dictionary<string, object> { ["provider"] = backend.InProcessEmulator ? "in-process emulator" : "configured endpoint" };
        if (reachable)
            return HealthCheckResult.Healthy(message, data);
        return new HealthCheckResult(settings.RequireProvider ? HealthStatus.Unhealthy : HealthStatus.Degraded, message, data: data);
    }

    private async Task<(bool Reachable, string Message)> ProbeAsync(HealthOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ProviderTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IVideosApi>().ListVideosAsync(limit: 1, cancellationToken: timeout.Token);
            return (true, "The Videos API provider answers.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"The Videos API provider did not answer within {settings.ProviderTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception e) when (e is VideosApiException or HttpRequestException or InvalidOperationException)
        {
            return (false, $"The Videos API provider is not reachable: {e.Message}");
        }
    }
}

/// <summary>The last provider probe's answer, shared by every health request.</summary>
internal sealed class ProviderProbeCache
{
    private readonly Lock _gate = new();
    private (DateTimeOffset At, bool Reachable, string Message)? _last;

    public (bool Reachable, string Message)? TryGet(DateTimeOffset now, TimeSpan maxAge)
    {
        lock (_gate)
            return _last is { } last && now - last.At < maxAge ? (last.Reachable, last.Message) : null;
    }

    public void Set(DateTimeOffset now, bool reachable, string message)
    {
        lock (_gate)
            _last = (now, reachable, message);
    }
}
