using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace SoraStudio.Emulator;

/// <summary>
/// The emulator on a real Kestrel port of 127.0.0.1, for tests. Unless the configure callback sets
/// <see cref="EmulatorOptions.DataPath"/>, it uses a fresh temporary folder that is deleted on dispose.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDataPath;

    private EmulatorServer(WebApplication app, string baseUrl, string? ownedDataPath)
    {
        _app = app;
        BaseUrl = baseUrl;
        _ownedDataPath = ownedDataPath;
    }

    /// <summary>The API root, e.g. "http://127.0.0.1:54321/v1".</summary>
    public string BaseUrl { get; }

    /// <summary>The server origin, e.g. "http://127.0.0.1:54321".</summary>
    public Uri Origin => new(BaseUrl[..BaseUrl.LastIndexOf("/v1", StringComparison.Ordinal)]);

    public IServiceProvider Services => _app.Services;

    public EmulatorRequestLog RequestLog => Services.GetRequiredService<EmulatorRequestLog>();

    public EmulatorJobs Jobs => Services.GetRequiredService<EmulatorJobs>();

    public EmulatorOptions Options => Services.GetRequiredService<IOptions<EmulatorOptions>>().Value;

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null) => StartAsync(configure, configureServices: null);

    /// <param name="configure">Emulator settings.</param>
    /// <param name="configureServices">Extra registrations, e.g. a test <see cref="TimeProvider"/> (registered before the emulator's own).</param>
    public static async Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure, Action<IServiceCollection>? configureServices)
    {
        var temporary = Path.Combine(Path.GetTempPath(), "sora-emulator-" + Guid.NewGuid().ToString("N"));
        var dataPath = temporary;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddVideosEmulator(configure: options =>
        {
            options.DataPath = temporary;
            configure?.Invoke(options);
            dataPath = options.DataPath;
        });

        var app = builder.Build();
        app.MapVideosEmulator();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EmulatorServer(app, address.TrimEnd('/') + "/v1", dataPath == temporary ? temporary : null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDataPath is not null && Directory.Exists(_ownedDataPath))
        {
            Directory.Delete(_ownedDataPath, recursive: true);
        }
    }
}
