using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoraStudio.Web;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;

namespace SoraStudio.TestSupport;

/// <summary>
/// The studio for tests and benchmarks: built by the app's own composition root (<c>AddStudio</c>/<c>MapStudio</c>,
/// changed only through <see cref="StudioTestOptions"/>) and served by Kestrel on a real port of 127.0.0.1. The presets
/// (<see cref="StartAsync(string, string, Action{StudioTestOptions}?)"/>, <see cref="Start"/>, <see cref="OfflineStudio"/>,
/// <see cref="StartForBrowserAsync"/>) differ only in the options they set. The host's test scope acts as
/// <see cref="Tester"/>, the studio's owner made at start; <see cref="ScopeFor"/> gives a scope acting as someone else.
/// </summary>
public sealed class StudioTestHost : IAsyncDisposable
{
    public const string TesterPassword = "correct horse battery";

    /// <summary>The owner <see cref="StartForBrowserAsync"/> sets up through configuration, as an operator would.</summary>
    public const string OwnerEmail = "owner@studio.test";
    public const string OwnerPassword = "owner password 1";
    public const string OwnerName = "Olive Owner";

    private const string TestSignInPath = "/test/sign-in/{userId}";

    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;
    private readonly bool _deleteData;
    private StudioIdentity? _tester;

    private StudioTestHost(WebApplication app, Uri baseAddress, string dataPath, bool deleteData)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        BaseAddress = baseAddress;
        DataPath = dataPath;
        _deleteData = deleteData;
    }

    /// <summary>The user the test scope acts as: the studio's owner, and the Owner of every project it creates.</summary>
    public StudioIdentity Tester => _tester ?? throw new InvalidOperationException("This host made no tester (StudioTestOptions.MakeTester); use OwnerAsync.");

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string BaseUrl => BaseAddress.ToString().TrimEnd('/');

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public string DataPath { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The bearer token <see cref="Client"/> sends; see <see cref="ApiClientAsync()"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Shortened timings and the Videos API at <paramref name="videosApiBaseUrl"/> (an emulator of the test).</summary>
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

    /// <summary>The in-process emulator, rendering in a fraction of a second from its committed sample clips.</summary>
    public static Dictionary<string, string?> FastEmulatorSettings() => new()
    {
        ["Emulator:RenderSecondsPerVideoSecond"] = "0.05",
        ["Emulator:QueueDelayMs"] = "50",
        ["Emulator:PollAfterMs"] = "100",
        ["Emulator:Media:UseFfmpeg"] = "false",
    };

    /// <summary>A studio talking to the Videos API at <paramref name="videosApiBaseUrl"/> over HTTP, with shortened timings.</summary>
    public static Task<StudioTestHost> StartAsync(string dataPath, string videosApiBaseUrl, Action<StudioTestOptions>? configure = null)
    {
        var options = new StudioTestOptions();
        Lay(options.Settings, FastSettings(dataPath, videosApiBaseUrl));
        configure?.Invoke(options);
        return StartAsync(options);
    }

    /// <summary>
    /// The studio as a fresh clone runs it: without <paramref name="videosApiBaseUrl"/> it generates through the emulator
    /// mounted in itself. No user exists until <see cref="OwnerAsync"/>.
    /// </summary>
    public static StudioTestHost Start(TempFolder folder, string? videosApiBaseUrl = null, Dictionary<string, string?>? settings = null, Action<StudioTestOptions>? configure = null)
    {
        var options = new StudioTestOptions { MakeTester = false };
        foreach (var (key, value) in FastSettings(folder.Path, videosApiBaseUrl ?? ""))
        {
            if (key.StartsWith("Studio:", StringComparison.Ordinal) || videosApiBaseUrl is not null)
                options.Settings[key] = value;
        }
        Lay(options.Settings, FastEmulatorSettings());
        Lay(options.Settings, settings ?? []);
        configure?.Invoke(options);
        // Off the test's synchronisation context: the host's own continuations must not wait for this thread.
        return Task.Run(() => StartAsync(options)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The studio a browser uses: the emulator mounted in itself, its owner set up through configuration
    /// (<see cref="OwnerEmail"/>), its data in <paramref name="dataPath"/> or a fresh temporary folder deleted afterwards.
    /// </summary>
    public static Task<StudioTestHost> StartForBrowserAsync(IReadOnlyDictionary<string, string?>? settings = null, string? dataPath = null, int port = 0)
    {
        var options = new StudioTestOptions { MakeTester = false, Port = port };
        options.DeleteDataOnDispose = dataPath is null;
        dataPath ??= Directory.CreateTempSubdirectory("sora-e2e-").FullName;
        options.Settings["Studio:DataPath"] = dataPath;
        options.Settings["Studio:Owner:Email"] = OwnerEmail;
        options.Settings["Studio:Owner:Password"] = OwnerPassword;
        options.Settings["Studio:Owner:DisplayName"] = OwnerName;
        Lay(options.Settings, FastEmulatorSettings());
        options.Settings["Studio:Generation:IdleDelay"] = "00:00:00.100";
        options.Settings["Studio:Generation:PollInterval"] = "00:00:00.200";
        options.Settings["Studio:Generation:PollBackoff"] = "1.0";
        options.Settings["Studio:Generation:MaxPollInterval"] = "00:00:00.200";
        Lay(options.Settings, settings ?? new Dictionary<string, string?>());
        return StartAsync(options);
    }

    /// <summary>Builds the studio with <paramref name="options"/>, starts it and, unless told not to, makes its tester.</summary>
    public static async Task<StudioTestHost> StartAsync(StudioTestOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The app's name finds its static web assets (Blazor's script among them) beside its assembly.
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        if (options.Logs is { } logs)
            builder.Logging.AddProvider(logs);

        var studio = new StudioHostOptions { RunWorker = options.RunWorker, DecorateVideosApi = options.DecorateApi, CrashPoints = options.CrashPoints, Clock = options.Clock };
        // An API key in the machine's environment must never send a test to a real endpoint.
        studio.Settings["OPENAI_API_KEY"] = "";
        studio.Settings["Sora:ApiKey"] = "";
        studio.Settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in options.Settings)
            studio.Settings[key] = value;
        builder.AddStudio(studio);

        var app = builder.Build();
        app.MapStudio();
        // Test hosts only: a cookie for a user without going through the sign-in page.
        app.MapPost(TestSignInPath, async (string userId, SignInManager<StudioUser> signIn) =>
        {
            var user = await signIn.UserManager.FindByIdAsync(userId);
            if (user is null)
                return Results.NotFound();
            await signIn.SignInAsync(user, isPersistent: false);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var dataPath = app.Services.GetRequiredService<StudioPaths>().DataFolder;
        var host = new StudioTestHost(app, new Uri(address.TrimEnd('/') + "/"), dataPath, options.DeleteDataOnDispose);
        if (options.MakeTester)
            await host.MakeTesterAsync();
        return host;
    }

    private async Task MakeTesterAsync()
    {
        await using var setup = _app.Services.CreateAsyncScope();
        // Two hosts may share one database (crash tests): the second finds the owner the first made.
        var owner = await setup.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().FindByEmailAsync("tester@studio.test")
            ?? await setup.ServiceProvider.GetRequiredService<AccountService>().CreateOwnerAsync(new NewAccount("Tester", "tester@studio.test", TesterPassword));
        _tester = new StudioIdentity(owner.Id, owner.DisplayName, IsStudioOwner: true);
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(_tester);
    }

    private static void Lay(Dictionary<string, string?> target, IEnumerable<KeyValuePair<string, string?>> values)
    {
        foreach (var (key, value) in values)
            target[key] = value;
    }

    /// <summary>The studio's owner: the tester, or (on a host without one) an owner made on first use.</summary>
    public async Task<StudioIdentity> OwnerAsync()
    {
        if (_tester is null)
        {
            await using var scope = Services.CreateAsyncScope();
            _tester = await TestUsers.ActAsNewOwnerAsync(scope.ServiceProvider);
            _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(_tester);
        }
        return _tester;
    }

    /// <summary>An HTTP client with the sign-in cookie of <paramref name="who"/> (the tester by default), or none when <paramref name="anonymous"/>.</summary>
    public async Task<HttpClient> ClientAsync(StudioIdentity? who = null, bool anonymous = false)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (!anonymous)
        {
            using var response = await http.PostAsync(TestSignInPath.Replace("{userId}", (who ?? Tester).UserId, StringComparison.Ordinal), null);
            response.EnsureSuccessStatusCode();
        }
        return http;
    }

    /// <summary>An HTTP client of the studio's port, sending <see cref="BearerToken"/> when set.</summary>
    public HttpClient Client() => ClientWithToken(BearerToken);

    /// <summary>
    /// A client of the automation API that authenticates as the studio's owner with a real personal access token,
    /// issued through <see cref="ApiTokenService"/> as the tokens page does: the one place the API tests get their token from.
    /// </summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        BearerToken ??= await IssueTokenAsync(await OwnerAsync(), "tests");
        return Client();
    }

    /// <summary>A client of the automation API acting as <paramref name="who"/>, with a fresh token of theirs.</summary>
    public async Task<HttpClient> ApiClientAsync(StudioIdentity who) => ClientWithToken(await IssueTokenAsync(who, $"tests of {who.Name}"));

    /// <summary>A client sending exactly this Authorization header value (or none).</summary>
    public HttpClient ClientWithToken(string? token, string scheme = "Bearer")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        return client;
    }

    /// <summary>Issues a token of <paramref name="who"/> as the tokens page does, and returns it.</summary>
    public async Task<string> IssueTokenAsync(StudioIdentity who, string name, DateTimeOffset? expiresAt = null) =>
        (await IssueTokenWithInfoAsync(who, name, expiresAt)).Token;

    public async Task<CreatedApiToken> IssueTokenWithInfoAsync(StudioIdentity who, string name, DateTimeOffset? expiresAt = null)
    {
        await using var scope = ScopeFor(who);
        return await scope.Get<ApiTokenService>().CreateAsync(name, expiresAt);
    }

    /// <summary>A new scope acting as <paramref name="identity"/>; dispose it.</summary>
    public UserScope ScopeFor(StudioIdentity identity)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(identity);
        return new UserScope(scope, identity);
    }

    /// <summary>A service scope acting as the user with <paramref name="email"/> (the configured owner by default), for seeding data.</summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string email = OwnerEmail)
    {
        var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var isOwner = await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().IsInRoleAsync(user, StudioClaims.OwnerRole);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new StudioIdentity(user.Id, user.DisplayName, isOwner));
        return scope;
    }

    /// <summary>Makes an account (not the owner) and returns its identity.</summary>
    public async Task<StudioIdentity> CreateUserAsync(string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@studio.test";
        var user = new StudioUser { UserName = email, Email = email, DisplayName = name };
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
        await _app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();

    /// <summary>Stops the host (the worker included) as a clean shutdown would (and deletes its data when told to).</summary>
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_deleteData)
        {
            // Pooled connections keep the database files open.
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A scope of the host that acts as one user.</summary>
public sealed class UserScope(AsyncServiceScope scope, StudioIdentity identity) : IAsyncDisposable
{
    public StudioIdentity Identity { get; } = identity;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
