using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>What a test changes about a studio host.</summary>
public sealed class StudioTestOptions
{
    /// <summary>Configuration laid over <see cref="StudioTestHost.FastSettings"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    internal ICrashPoints? CrashPoints { get; set; }

    /// <summary>Wraps the real Videos API client (e.g. to lose a create's response).</summary>
    public Func<IVideosApi, IVideosApi>? DecorateApi { get; set; }
}

/// <summary>
/// One studio process as the app builds it (data, storage, generation, features, the webhook endpoint) on a real
/// port of 127.0.0.1, talking to a Videos API (the emulator) over HTTP. Timings are shortened so tests run fast.
/// </summary>
public sealed class StudioTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private StudioTestHost(WebApplication app, string baseUrl)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static Dictionary<string, string?> FastSettings(string dataPath, string videosApiBaseUrl) => new()
    {
        ["Studio:DataPath"] = dataPath,
        ["Sora:BaseUrl"] = videosApiBaseUrl,
        ["Sora:ApiKey"] = "sk-test-studio",
        ["Sora:BaseDelay"] = "00:00:00.050",
        ["Sora:MaxDelay"] = "00:00:00.200",
        ["Sora:Timeout"] = "00:00:20",
        ["Studio:Generation:LeaseDuration"] = "00:00:01.500",
        ["Studio:Generation:IdleDelay"] = "00:00:00.100",
        ["Studio:Generation:PollInterval"] = "00:00:00.200",
        ["Studio:Generation:PollBackoff"] = "1.0",
        ["Studio:Generation:MaxPollInterval"] = "00:00:00.200",
        ["Studio:Generation:RetryDelay"] = "00:00:00.100",
        ["Studio:Generation:MaxRetryDelay"] = "00:00:00.500",
        ["Studio:Generation:SubmitSettleTime"] = "00:00:00.500",
        ["Studio:Generation:ClockSkew"] = "00:00:05",
    };

    public static async Task<StudioTestHost> StartAsync(string dataPath, string videosApiBaseUrl, Action<StudioTestOptions>? configure = null)
    {
        var options = new StudioTestOptions();
        configure?.Invoke(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = FastSettings(dataPath, videosApiBaseUrl);
        foreach (var (key, value) in options.Settings)
            settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);

        if (options.CrashPoints is { } crashPoints)
            builder.Services.AddSingleton(crashPoints);
        builder.Services.AddStudioData();
        builder.Services.AddStudioStorage();
        builder.Services.AddVideosApi(builder.Configuration).AddStudioPollHints();
        if (options.DecorateApi is { } decorate)
        {
            builder.Services.Replace(ServiceDescriptor.Transient<IVideosApi>(sp => decorate(new VideosApiClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IVideosApi)),
                sp.GetRequiredService<IOptions<VideosApiOptions>>()))));
        }
        builder.Services.AddStudioGeneration();
        builder.Services.AddStudioFeatures(builder.Configuration);

        var app = builder.Build();
        app.MapStudioWebhooks();
        app.MapStudioMedia();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StudioTestHost(app, address.TrimEnd('/'));
    }

    /// <summary>A service from the host's test scope (the application services are scoped).</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async Task<StudioDbContext> DbAsync() =>
        await _app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();

    /// <summary>Stops the host (the worker included) as a clean shutdown would.</summary>
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
