using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;

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
    /// A client of the automation API that authenticates as the studio's owner (made on first use) with a real personal
    /// access token, issued through <see cref="ApiTokenService"/> as the tokens page does: the one place the API tests
    /// get their token from.
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

    private StudioIdentity? _owner;

    /// <summary>The studio's owner, made on first use.</summary>
    public async Task<StudioIdentity> OwnerAsync()
    {
        if (_owner is null)
        {
            await using var scope = Services.CreateAsyncScope();
            _owner = await TestUsers.ActAsNewOwnerAsync(scope.ServiceProvider);
        }
        return _owner;
    }

    /// <summary>Makes an account (not the owner) and returns its identity.</summary>
    public async Task<StudioIdentity> CreateUserAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@studio.test";
        var user = new StudioUser { UserName = email, Email = email, DisplayName = name };
        var result = await users.CreateAsync(user, StudioTestHost.TesterPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return new StudioIdentity(user.Id, name, IsStudioOwner: false);
    }

    public async Task AddMemberAsync(long projectId, StudioIdentity user, ProjectRole role)
    {
        await using var db = await DbAsync();
        db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = user.UserId, Role = role, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>Issues a token of <paramref name="who"/> as the tokens page does, and returns it.</summary>
    public async Task<string> IssueTokenAsync(StudioIdentity who, string name, DateTimeOffset? expiresAt = null) =>
        (await IssueTokenWithInfoAsync(who, name, expiresAt)).Token;

    public async Task<CreatedApiToken> IssueTokenWithInfoAsync(StudioIdentity who, string name, DateTimeOffset? expiresAt = null)
    {
        await using var scope = ScopeFor(who);
        return await scope.Get<ApiTokenService>().CreateAsync(name, expiresAt);
    }

    /// <summary>A scope whose application services act as <paramref name="who"/>; dispose it.</summary>
    public UserScope ScopeFor(StudioIdentity who)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(who);
        return new UserScope(scope, who);
    }

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<StudioDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
}
