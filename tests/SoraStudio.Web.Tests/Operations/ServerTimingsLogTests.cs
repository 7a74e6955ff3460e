using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Operations;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Operations;

public class ServerTimingsLogTests
{
    [Fact]
    public async Task LogsTheEventAndRenderTimesOfEachInterval()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new ServerTimingsLog(Options.Create(new DiagnosticsOptions { TimingsLogInterval = TimeSpan.FromMilliseconds(200) }), factory.CreateLogger<ServerTimingsLog>());
        // Instruments of the same names as ASP.NET Core's Blazor metrics, which the service listens to by name. Browser
        // events come only from interactive circuits, which no test of this project opens, so their figures are exact.
        using var meter = new Meter("ServerTimingsLogTests");
        var events = meter.CreateHistogram<double>(ServerTimingsLog.HandleEvent, "s");
        var renders = meter.CreateHistogram<double>(ServerTimingsLog.RenderDiff, "s");

        await service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => events.Enabled && renders.Enabled, TimeSpan.FromSeconds(5)); // ExecuteAsync runs in the background
        for (var i = 1; i <= 20; i++)
            events.Record(i / 1000.0, new KeyValuePair<string, object?>("aspnetcore.components.type", i > 10 ? "SoraStudio.Web.Features.Gallery.GalleryPage" : "Radzen.Blazor.RadzenTextArea"));
        renders.Record(0.0005);
        await WaitUntilAsync(() => logs.Entries.Any(e => e.Message.Contains("max 20.0 ms")), TimeSpan.FromSeconds(5));
        await service.StopAsync(CancellationToken.None);

        var entry = Assert.Single(logs.Entries, e => e.Message.Contains("max 20.0 ms"));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("p95 19.0 ms", entry.Message);
        // Renders only by their presence: server-side prerendering in tests running beside this one records renders too.
        Assert.Contains(" render batches delivered in median ", entry.Message);
        Assert.Contains("slowest events: GalleryPage p95 20.0 ms (10), RadzenTextArea p95 10.0 ms (10)", entry.Message);
    }

    [Fact]
    public async Task LogsNothingWhenOff()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new ServerTimingsLog(Options.Create(new DiagnosticsOptions()), factory.CreateLogger<ServerTimingsLog>());
        using var meter = new Meter("ServerTimingsLogTests.Off");
        var events = meter.CreateHistogram<double>(ServerTimingsLog.HandleEvent, "s");

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(events.Enabled);
        events.Record(0.002);
        await Task.Delay(300);
        await service.StopAsync(CancellationToken.None);

        Assert.Empty(logs.Entries);
    }

    [Theory]
    [InlineData(new double[] { 3 }, "median 3.0 ms, p95 3.0 ms, max 3.0 ms")]
    [InlineData(new double[] { 5, 1, 4, 2, 3 }, "median 3.0 ms, p95 5.0 ms, max 5.0 ms")]
    [InlineData(new double[0], "-")]
    public void SummarisesByNearestRank(double[] milliseconds, string expected) =>
        Assert.Equal(expected, ServerTimingsLog.Summary([.. milliseconds]));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until)
            await Task.Delay(20);
    }
}
