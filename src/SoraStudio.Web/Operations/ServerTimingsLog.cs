using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Operations;

/// <summary>The <c>Studio:Diagnostics</c> section.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Studio:Diagnostics";

    /// <summary>How often to log the server's share of interaction latency; zero (the default) logs nothing.</summary>
    public TimeSpan TimingsLogInterval { get; set; }
}

public static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddStudioDiagnostics(this IServiceCollection services)
    {
        services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.Section)
            .Validate(o => o.TimingsLogInterval >= TimeSpan.Zero, "Studio:Diagnostics:TimingsLogInterval must not be negative (hh:mm:ss).")
            .ValidateOnStart();
        return services.AddHostedService<ServerTimingsLog>();
    }
}

/// <summary>
/// Logs, once per interval, ASP.NET Core's built-in Blazor metrics for people's interactions (count, median, p95, max,
/// and the three slowest components): how long the server took to handle browser events, and how long render batches
/// took to be delivered — rendered, diffed, sent and acknowledged by the browser, so that figure also moves with the
/// browsers and the network. It separates the studio's own part of interaction latency (docs/PERFORMANCE.md, load and faults).
/// </summary>
public sealed class ServerTimingsLog(IOptions<DiagnosticsOptions> options, ILogger<ServerTimingsLog> logger) : BackgroundService
{
    public const string HandleEvent = "aspnetcore.components.handle_event.duration";
    public const string RenderDiff = "aspnetcore.components.render_diff.duration";

    private readonly object _gate = new();
    private List<(string Component, double Ms)> _events = [], _renders = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TimingsLogInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name is HandleEvent or RenderDiff)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) => Record(instrument.Name, seconds, tags));
        listener.Start();

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Flush(interval);
        }
        catch (OperationCanceledException) { }
    }

    private void Record(string instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var component = "";
        foreach (var (key, value) in tags)
            if (key == "aspnetcore.components.type")
                component = value?.ToString() is { } type ? type[(type.LastIndexOf('.') + 1)..] : "";
        lock (_gate)
            (instrument == HandleEvent ? _events : _renders).Add((component, seconds * 1000));
    }

    private void Flush(TimeSpan interval)
    {
        List<(string Component, double Ms)> events, renders;
        lock (_gate)
            (events, renders, _events, _renders) = (_events, _renders, [], []);
        if (events.Count == 0 && renders.Count == 0)
            return;
        logger.LogInformation("Server timings over {Seconds} s: {Events} browser events handled in {EventTimes}; {Renders} render batches delivered in {RenderTimes}; slowest events: {SlowEvents}",
            interval.TotalSeconds, events.Count, Summary([.. events.Select(e => e.Ms)]), renders.Count, Summary([.. renders.Select(r => r.Ms)]), Slowest(events));
    }

    /// <summary>The three components with the highest p95, e.g. "GalleryPage p95 12.0 ms (40)".</summary>
    private static string Slowest(List<(string Component, double Ms)> timings) =>
        string.Join(", ", timings.GroupBy(t => t.Component)
            .Select(g => (Component: g.Key, P95: Percentile([.. g.Select(t => t.Ms).Order()], 0.95), Count: g.Count()))
            .OrderByDescending(g => g.P95).Take(3)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Component} p95 {g.P95:0.0} ms ({g.Count})")));

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];

    /// <summary>"median 0.4 ms, p95 1.2 ms, max 3.0 ms" (nearest rank).</summary>
    public static string Summary(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
            return "-";
        milliseconds.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {Percentile(milliseconds, 0.5):0.0} ms, p95 {Percentile(milliseconds, 0.95):0.0} ms, max {milliseconds[^1]:0.0} ms");
    }
}
