using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Export;
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
/// The host's test scope acts as <see cref="Tester"/>, the studio's owner, made at start; <see cref="ScopeFor"/>
/// gives a scope acting as someone else.
/// </summary>
public sealed class StudioTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private StudioTestHost(WebApplication app, string baseUrl, StudioIdentity tester)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(tester);
        BaseUrl = baseUrl;
        Tester = tester;
    }

    /// <summary>The user the test scope acts as: the studio's owner, and the Owner of every project it creates.</summary>
    public StudioIdentity Tester { get; }

    public const string TesterPassword = "correct horse battery";

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
        builder.Services.AddStudioAccounts();
        SoraStudio.Web.Features.Accounts.Tokens.ApiTokenAuthentication.AddStudioApiTokens(builder.Services);

        var app = builder.Build();
        app.MapStudioWebhooks();
        app.MapStudioMedia();
        app.MapStudioAssets();
        app.MapStudioExport();
        app.MapStudioAccounts();
        // Test hosts only: a cookie for a user without the sign-in pages (which this host does not map).
        app.MapPost(TestSignInPath, async (string userId, Microsoft.AspNetCore.Identity.SignInManager<StudioUser> signIn) =>
        {
            var user = await signIn.UserManager.FindByIdAsync(userId);
            if (user is null)
                return Results.NotFound();
            await signIn.SignInAsync(user, isPersistent: false);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        StudioIdentity tester;
        await using (var setup = app.Services.CreateAsyncScope())
        {
            // Two hosts may share one database (crash tests): the second finds the owner the first made.
            var owner = await setup.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StudioUser>>().FindByEmailAsync("tester@studio.test")
                ?? await setup.ServiceProvider.GetRequiredService<AccountService>().CreateOwnerAsync(new NewAccount("Tester", "tester@studio.test", TesterPassword));
            tester = new StudioIdentity(owner.Id, owner.DisplayName, IsStudioOwner: true);
        }
        return new StudioTestHost(app, address.TrimEnd('/'), tester);
    }

    private const string TestSignInPath = "/test/sign-in/{userId}";

    /// <summary>An HTTP client with the sign-in cookie of <paramref name="who"/> (the tester by default), or none when <paramref name="anonymous"/>.</summary>
    public async Task<HttpClient> ClientAsync(StudioIdentity? who = null, bool anonymous = false)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        if (!anonymous)
        {
            using var response = await http.PostAsync(TestSignInPath.Replace("{userId}", (who ?? Tester).UserId), null);
            response.EnsureSuccessStatusCode();
        }
        return http;
    }

    /// <summary>A new scope acting as <paramref name="identity"/>; dispose it.</summary>
    public UserScope ScopeFor(StudioIdentity identity)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(identity);
        return new UserScope(scope, identity);
    }

    /// <summary>Makes an account (not the owner) and returns its identity.</summary>
    public async Task<StudioIdentity> CreateUserAsync(string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StudioUser>>();
        var user = new StudioUser { UserName = $"{name.ToLowerInvariant().Replace(' ', '.')}@studio.test", Email = $"{name.ToLowerInvariant().Replace(' ', '.')}@studio.test", DisplayName = name };
        var result = await users.CreateAsync(user, TesterPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return new StudioIdentity(user.Id, name, IsStudioOwner: false);
    }

    /// <summary>Adds <paramref name="user"/> to the project with <paramref name="role"/>, as its owner would through an invite.</summary>
    public async Task AddMemberAsync(long projectId, StudioIdentity user, ProjectRole role)
    {
        await using var db = await DbAsync();
        db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = user.UserId, Role = role, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
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

/// <summary>A scope of the host that acts as one user.</summary>
public sealed class UserScope(AsyncServiceScope scope, StudioIdentity identity) : IAsyncDisposable
{
    public StudioIdentity Identity { get; } = identity;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
