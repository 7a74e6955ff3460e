using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SoraStudio.Web.Operations;

/// <summary>
/// <c>/health/live</c>: the process serves requests (no checks). <c>/health/ready</c>: the database answers and is
/// migrated, the clip store takes a write, the Videos API provider answers. Both answer JSON naming each check;
/// 200 when Healthy or Degraded, 503 when Unhealthy.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddStudioHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(o => o.ProviderTimeout > TimeSpan.Zero && o.ProviderCacheDuration >= TimeSpan.Zero,
                "Studio:Health:ProviderTimeout must be positive and ProviderCacheDuration not negative (hh:mm:ss).")
            .ValidateOnStart();
        services.AddSingleton<ProviderProbeCache>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ClipStoreHealthCheck>("clipStore", tags: [ReadyTag])
            .AddCheck<VideosApiHealthCheck>("videosApi", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Open to anonymous callers (orchestrators and container health checks hold no token), whatever the app's default policy.</summary>
    public static IEndpointRouteBuilder MapStudioHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics().ExcludeFromDescription();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics().ExcludeFromDescription();
        return endpoints;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
