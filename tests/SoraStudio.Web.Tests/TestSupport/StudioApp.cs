using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// The real app (Program.cs: every endpoint, middleware and service) on a real Kestrel port, with its data in a
/// temp folder and shortened generation timings. Without <paramref name="videosApiBaseUrl"/> it generates through
/// the emulator mounted in itself, as a fresh clone does.
/// </summary>
public sealed class StudioApp : WebApplicationFactory<Program>
{
    private readonly string _dataPath;
    private readonly string? _videosApiBaseUrl;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    private StudioApp(string dataPath, string? videosApiBaseUrl, Dictionary<string, string?> settings, Action<IWebHostBuilder>? configure)
    {
        _dataPath = dataPath;
        _videosApiBaseUrl = videosApiBaseUrl;
        _settings = settings;
        _configure = configure;
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The bearer token every API client of the tests sends; see <see cref="ApiClientAsync"/>.</summary>
    public string? BearerToken { get; set; }

    public static StudioApp Start(TempFolder folder, string? videosApiBaseUrl = null, Dictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        var app = new StudioApp(folder.Path, videosApiBaseUrl, settings ?? [], configure);
        app.UseKestrel(0);
        app.StartServer();
        app.BaseAddress = app.ClientOptions.BaseAddress;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // An API key in the machine's environment must not send a test to a real endpoint.
        builder.UseSetting("OPENAI_API_KEY", "");
        builder.UseSetting("Sora:ApiKey", "");
        foreach (var (key, value) in StudioTestHost.FastSettings(_dataPath, _videosApiBaseUrl ?? ""))
        {
            if (key.StartsWith("Studio:", StringComparison.Ordinal) || _videosApiBaseUrl is not null)
                builder.UseSetting(key, value);
        }
        builder.UseSetting("Emulator:RenderSecondsPerVideoSecond", "0.05");
        builder.UseSetting("Emulator:QueueDelayMs", "50");
        builder.UseSetting("Emulator:PollAfterMs", "100");
        builder.UseSetting("Emulator:Media:UseFfmpeg", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        _configure?.Invoke(builder);
    }

    /// <summary>An HTTP client of the app's real port, sending <see cref="BearerToken"/> when set.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (BearerToken is { } token)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client of the automation API that authenticates as the tests' user. The API's authentication attaches in one
    /// place (<c>MapStudioApi().RequireAuthorization(…)</c>); where personal access tokens are wired, this is the one
    /// place to issue a real token for the tests (until then the API accepts any caller and the token is unused).
    /// </summary>
    public Task<HttpClient> ApiClientAsync()
    {
        BearerToken ??= "sora_pat_tests";
        return Task.FromResult(Client());
    }

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<StudioDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
}
