using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

public class ApiTokenTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task ATokenMadeOnTheTokensPageOpensTheApiUntilItIsRevoked()
    {
        await SignInAsync();
        await OpenAsync("/account/tokens");

        await Page.GetByLabel("Token name", new() { Exact = true }).FillAsync("Nightly render script");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var field = Page.GetByLabel("New token", new() { Exact = true });
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^sora_pat_[A-Za-z0-9_-]{43}$"));
        var token = await field.InputValueAsync();
        var row = Page.Locator(".tokens-grid tbody tr").Filter(new() { HasText = "Nightly render script" });
        await Assertions.Expect(row).ToContainTextAsync("Never used");
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await ScreenshotAsync(Page, "api-tokens-created");

        using var api = new HttpClient { BaseAddress = Server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/projects")).StatusCode);

        await Page.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("New token", new() { Exact = true })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke Nightly render script" }).ClickAsync();
        await Page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        await Assertions.Expect(Page.Locator(".rz-notification-item")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await ScreenshotAsync(Page, "api-tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/projects")).StatusCode);
        Assert.DoesNotContain(token, await Page.ContentAsync());
    }

    [Fact]
    public async Task TheSignInCookieDoesNotOpenTheApi()
    {
        ExpectBrowserError("401");
        await SignInAsync();
        await OpenAsync("/account/tokens");

        // The browser sends its sign-in cookie with a same-origin fetch; the API wants a token and says so.
        var answer = await Page.EvaluateAsync<string[]>(
            "() => fetch('/api/v1/projects').then(async r => [String(r.status), r.headers.get('content-type'), r.headers.get('www-authenticate')])");

        Assert.Equal("401", answer[0]);
        Assert.StartsWith("application/problem+json", answer[1], StringComparison.Ordinal);
        Assert.StartsWith("Bearer", answer[2], StringComparison.Ordinal);
    }
}
