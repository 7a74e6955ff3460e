using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task LiveAnswersWithoutRunningAnyCheck()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task ReadyNamesTheDatabaseTheClipStoreAndTheInProcessEmulatorAllHealthy()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();

        using var response = await client.GetAsync("/health/ready");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var checks = Checks(text);
        Assert.Equal(["clipStore", "database", "videosApi"], checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
        Assert.False(File.Exists(Path.Combine(folder.Path, "clips", ".tmp")) && Directory.EnumerateFiles(Path.Combine(folder.Path, "clips", ".tmp")).Any(),
            "the clip store probe leaves no file behind");
    }

    [Fact]
    public async Task AnUnreachableProviderMakesTheStudioNotReady()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder, videosApiBaseUrl: "http://127.0.0.1:9/v1", new()
        {
            ["Studio:Generation:Enabled"] = "false",
            ["Studio:Health:ProviderTimeout"] = "00:00:02",
        });
        using var client = app.Client();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = Checks(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", checks["videosApi"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["clipStore"]);
    }

    [Fact]
    public async Task WithTheProviderOptionalAnUnreachableProviderIsOnlyDegraded()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder, videosApiBaseUrl: "http://127.0.0.1:9/v1", new()
        {
            ["Studio:Generation:Enabled"] = "false",
            ["Studio:Health:RequireProvider"] = "false",
            ["Studio:Health:ProviderTimeout"] = "00:00:02",
        });
        using var client = app.Client();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", Checks(await response.Content.ReadAsStringAsync())["videosApi"]);
    }

    [Fact]
    public async Task AClipStoreThatCannotBeWrittenMakesTheStudioNotReady()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();
        // A file where the store's temp folder should be: no probe can be written under it.
        var temp = Path.Combine(folder.Path, "clips", ".tmp");
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        await File.WriteAllTextAsync(temp, "not a folder");

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", Checks(await response.Content.ReadAsStringAsync())["clipStore"]);
    }

    [Fact]
    public async Task EveryResponseCarriesItsRequestId()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();

        using var first = await client.GetAsync("/health/live");
        using var second = await client.GetAsync("/health/live");

        var ids = new[] { first, second }.Select(r => Assert.Single(r.Headers.GetValues("X-Request-Id"))).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task LogsWrittenDuringARequestCarryItsRequestIdAndTheCallersOwnId()
    {
        using var folder = new TempFolder();
        var logs = new CapturedLogs();
        await using var app = StudioTestHost.Start(folder, videosApiBaseUrl: "http://127.0.0.1:9/v1", new()
        {
            ["Studio:Generation:Enabled"] = "false",
            ["Studio:Health:ProviderTimeout"] = "00:00:02",
        }, o => o.Logs = logs);
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("X-Request-Id", "nightly-batch-42");

        // The unreachable provider makes the health check service log an error inside the request.
        using var response = await client.SendAsync(request);

        var requestId = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        var entry = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains("videosApi", StringComparison.Ordinal));
        Assert.Equal(requestId, entry.Scope["RequestId"]);
        Assert.Equal("/health/ready", entry.Scope["RequestPath"]);
        Assert.Equal("nightly-batch-42", entry.Scope["ClientRequestId"]);
    }

    private static Dictionary<string, string> Checks(string json)
    {
        using var body = JsonDocument.Parse(json);
        return body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }
}
