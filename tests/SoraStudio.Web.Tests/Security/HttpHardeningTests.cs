using System.Net;
using AngleSharp.Html.Parser;

namespace SoraStudio.Web.Tests.Security;

/// <summary>The headers every answer of the real app carries (Program.cs), over HTTP.</summary>
public sealed class HttpHardeningTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioApp _app = null!;

    public Task InitializeAsync()
    {
        _app = StudioApp.Start(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("/account/login", "text/html")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/js/clipboard.js", "text/javascript")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/api/v1/projects", "application/problem+json")]
    [InlineData("/health/live", "application/json")]
    public async Task EveryAnswerForbidsContentSniffing(string path, string mediaType)
    {
        await _app.OwnerAsync();
        using var http = _app.Client();

        using var response = await http.GetAsync(path);

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task PagesCarryAPolicyThatRunsOnlyTheStudiosOwnScripts()
    {
        await _app.OwnerAsync();
        using var http = _app.Client();

        using var response = await http.GetAsync("/account/login");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy")).Split(';', StringSplitOptions.TrimEntries).ToHashSet();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        // The page itself holds nothing the policy would block: no inline script, no inline handler.
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.All(page.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), $"inline script: {script.Text}"));
        Assert.Empty(page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => a.Name));
    }

    [Fact]
    public async Task ApiAnswersCarryNoPagePolicy()
    {
        using var api = await _app.ApiClientAsync();

        using var response = await api.GetAsync("/api/v1/projects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
