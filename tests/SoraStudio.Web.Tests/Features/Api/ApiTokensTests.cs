using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>Personal access tokens through the real app: issued, used, revoked, expired, stored only as hashes.</summary>
public sealed class ApiTokensTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _app = null!;

    public Task InitializeAsync()
    {
        _app = StudioTestHost.Start(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ATokenActsAsItsUserAndIsStoredOnlyAsItsHash()
    {
        var owner = await _app.OwnerAsync();
        var created = await _app.IssueTokenWithInfoAsync(owner, "CI pipeline");
        Assert.StartsWith("sora_pat_", created.Token, StringComparison.Ordinal);
        Assert.Equal(52, created.Token.Length);
        Assert.Equal(created.Token[..15], created.Info.Prefix);
        using var api = _app.ClientWithToken(created.Token);

        var project = await ApiAssert.JsonAsync(await api.PostAsJsonAsync("/api/v1/projects", new { name = "By token" }), HttpStatusCode.Created);
        var projectId = project.GetProperty("id").GetInt64();

        await using var db = await _app.DbAsync();
        // The token's user is the project's Owner.
        Assert.Equal(owner.UserId, await db.ProjectMembers.Where(m => m.ProjectId == projectId).Select(m => m.UserId).SingleAsync());
        var row = await db.ApiTokens.AsNoTracking().SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))), row.TokenHash);
        Assert.Equal("CI pipeline", row.Name);
        Assert.NotNull(row.LastUsedAt);
        // Nothing in the database holds the secret: not the row, not any other text column of the file.
        var secret = created.Token[15..];
        Assert.DoesNotContain(secret, string.Join("|", row.Name, row.Prefix, row.TokenHash, row.UserId), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(_folder.Path, "studio.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(-1, copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }

    [Fact]
    public async Task MissingMalformedAndUnknownTokensAre401ProblemDetails()
    {
        using var none = _app.ClientWithToken(null);
        using var basic = _app.ClientWithToken("dXNlcjpwYXNz", scheme: "Basic");
        using var malformed = _app.ClientWithToken("sora_pat_tests");
        using var unknown = _app.ClientWithToken(ApiTokenService.TokenPrefix + new string('A', 43));

        var missing = await ApiAssert.ProblemAsync(await none.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", missing.GetProperty("detail").GetString());
        Assert.Contains("Bearer <token>", (await ApiAssert.ProblemAsync(await basic.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        using var bad = await malformed.GetAsync("/api/v1/projects");
        Assert.Contains("malformed", (await ApiAssert.ProblemAsync(bad, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("Bearer", Assert.Single(bad.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("not known", (await ApiAssert.ProblemAsync(await unknown.PostAsJsonAsync("/api/v1/projects", new { name = "Never" }), HttpStatusCode.Unauthorized))
            .GetProperty("detail").GetString());

        await using var db = await _app.DbAsync();
        Assert.Empty(await db.Projects.ToListAsync());
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAndOnlyItsOwnerCanRevokeIt()
    {
        var owner = await _app.OwnerAsync();
        var created = await _app.IssueTokenWithInfoAsync(owner, "laptop");
        using var api = _app.ClientWithToken(created.Token);
        await ApiAssert.JsonAsync(await api.GetAsync("/api/v1/projects"));

        // Someone else cannot revoke it: to them it does not exist.
        var stranger = await _app.CreateUserAsync("Stranger");
        await using (var scope = _app.ScopeFor(stranger))
        {
            var refused = await Assert.ThrowsAsync<StudioException>(() => scope.Get<ApiTokenService>().RevokeAsync(created.Info.Id));
            Assert.Equal(StudioErrorKind.NotFound, refused.Kind);
            Assert.Empty(await scope.Get<ApiTokenService>().MineAsync());
        }
        await ApiAssert.JsonAsync(await api.GetAsync("/api/v1/projects"));

        await using (var scope = _app.ScopeFor(owner))
        {
            await scope.Get<ApiTokenService>().RevokeAsync(created.Info.Id);
            var listed = Assert.Single(await scope.Get<ApiTokenService>().MineAsync());
            Assert.Equal(ApiTokenState.Revoked, listed.StateAt(DateTimeOffset.UtcNow));
            Assert.NotNull(listed.LastUsedAt);
        }
        var problem = await ApiAssert.ProblemAsync(await api.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        Assert.Contains("“laptop” was revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARevocationWrittenByAnotherProcessIsRefusedOnTheNextRequest()
    {
        var created = await _app.IssueTokenWithInfoAsync(await _app.OwnerAsync(), "shared database");
        using var api = _app.ClientWithToken(created.Token);
        for (var i = 0; i < 20; i++)
            await ApiAssert.JsonAsync(await api.GetAsync("/api/v1/projects"));

        // Another studio process on the same database revokes it: nothing in this one hears of it, yet it holds at once.
        await using (var db = await _app.DbAsync())
        {
            var row = await db.ApiTokens.SingleAsync();
            row.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        var problem = await ApiAssert.ProblemAsync(await api.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        Assert.Contains("“shared database” was revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokensUseIsWrittenOncePerMinuteHoweverManyRequestsArriveAtOnce()
    {
        // Its own studio: a clock the test moves, and EF Core's executed commands in the log, to count the writes.
        using var folder = new TempFolder();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var logs = new CapturedLogs();
        await using var app = StudioApp.Start(folder,
            settings: new() { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
            configure: o => { o.Logs = logs; o.Clock = clock; });
        var created = await app.IssueTokenWithInfoAsync(await app.OwnerAsync(), "busy script");
        using var api = app.ClientWithToken(created.Token);
        int Writes() => logs.Entries.Count(e => e.Message.Contains("UPDATE \"ApiTokens\"", StringComparison.Ordinal) && e.Message.Contains("\"LastUsedAt\"", StringComparison.Ordinal));
        async Task ManyAtOnceAsync() => Assert.All(await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => api.GetAsync("/api/v1/projects"))),
            r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        async Task<DateTimeOffset?> LastUsedAsync()
        {
            await using var db = await app.DbAsync();
            return (await db.ApiTokens.AsNoTracking().SingleAsync()).LastUsedAt;
        }

        var first = clock.GetUtcNow();
        await ManyAtOnceAsync();
        Assert.Equal(1, Writes());
        Assert.Equal(first.ToUnixTimeMilliseconds(), (await LastUsedAsync())?.ToUnixTimeMilliseconds());

        clock.Advance(TimeSpan.FromSeconds(59));
        await ManyAtOnceAsync();
        Assert.Equal(1, Writes());

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = clock.GetUtcNow();
        await ManyAtOnceAsync();
        Assert.Equal(2, Writes());
        Assert.Equal(second.ToUnixTimeMilliseconds(), (await LastUsedAsync())?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var owner = await _app.OwnerAsync();
        var created = await _app.IssueTokenWithInfoAsync(owner, "short-lived", DateTimeOffset.UtcNow.AddDays(1));
        using var api = _app.ClientWithToken(created.Token);
        await ApiAssert.JsonAsync(await api.GetAsync("/api/v1/projects"));

        // A day passes: the stored expiry is now behind us.
        await using (var db = await _app.DbAsync())
        {
            var row = await db.ApiTokens.SingleAsync();
            row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var problem = await ApiAssert.ProblemAsync(await api.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        Assert.Contains("“short-lived” expired", problem.GetProperty("detail").GetString());
        await using var scope = _app.ScopeFor(owner);
        Assert.Equal(ApiTokenState.Expired, Assert.Single(await scope.Get<ApiTokenService>().MineAsync()).StateAt(DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(" ", 1, "name")]
    [InlineData("ok", -1, "expiresAt")]
    public async Task ATokenNeedsANameAndAFutureExpiry(string name, int expiresInDays, string field)
    {
        await using var scope = _app.ScopeFor(await _app.OwnerAsync());
        var refused = await Assert.ThrowsAsync<StudioException>(() => scope.Get<ApiTokenService>().CreateAsync(name, DateTimeOffset.UtcNow.AddDays(expiresInDays)));
        Assert.Equal(StudioErrorKind.Invalid, refused.Kind);
        Assert.Equal([field], refused.Errors.Keys);
        Assert.Empty(await scope.Get<ApiTokenService>().MineAsync());
    }

    [Fact]
    public async Task HealthAndTheOpenApiDocumentNeedNoToken()
    {
        using var anonymous = _app.ClientWithToken(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
