namespace SoraStudio.Web.Operations;

/// <summary>The <c>Studio:Health</c> section: what <c>/health/ready</c> asks of the Videos API provider.</summary>
public sealed class HealthOptions
{
    public const string Section = "Studio:Health";

    /// <summary>
    /// True: an unreachable provider makes the studio not ready (503). False: it is reported as Degraded (200), for
    /// a deployment that should keep serving the composer and the gallery while the provider is down.
    /// </summary>
    public bool RequireProvider { get; set; } = true;

    /// <summary>How long the provider probe may take.</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a probe's answer is reused, so that frequent readiness probes do not become provider traffic.</summary>
    public TimeSpan ProviderCacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
