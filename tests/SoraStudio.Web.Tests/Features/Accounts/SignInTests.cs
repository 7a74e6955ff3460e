using System.Net;
using AngleSharp.Html.Parser;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Accounts;

/// <summary>The sign-in page and sign-out over real HTTP, as browsers at different addresses use them.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Owner = "owner@studio.test";
    private readonly TempFolder _folder = new();
    private StudioApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = StudioApp.Start(_folder, settings: new() { ["Studio:Accounts:MaxFailedSignIns"] = "3" });
        await _app.OwnerAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task WrongPasswordsAnswerTheSameForAKnownAndAnUnknownEmail()
    {
        using var attacker = BrowserForms.Client(_app.BaseAddress, "127.0.0.2");

        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await RefusalAsync(attacker, Owner, "not the password"));
            unknown.Add(await RefusalAsync(attacker, "nobody@studio.test", "not the password"));
        }

        Assert.Equal(known, unknown);
        Assert.Equal("The email or password is wrong.", known[0]);
        Assert.StartsWith("Too many failed sign-ins", known[^1]);
    }

    [Fact]
    public async Task GuessesFromOneAddressThrottleThatAddressButNeverLockTheOwnerOut()
    {
        using var attacker = BrowserForms.Client(_app.BaseAddress, "127.0.0.3");
        for (var i = 0; i < 3; i++)
            await RefusalAsync(attacker, Owner, "not the password");

        // From the attacker's address even the right password waits now...
        Assert.StartsWith("Too many failed sign-ins", await RefusalAsync(attacker, Owner, StudioTestHost.TesterPassword));

        // ...while the owner, at their own address, signs in at once.
        using var owner = BrowserForms.Client(_app.BaseAddress, "127.0.0.4");
        using var signedIn = await SignInAsync(owner, Owner, StudioTestHost.TesterPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await owner.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignOutNeedsThePagesAntiforgeryToken()
    {
        using var browser = BrowserForms.Client(_app.BaseAddress);
        using (var signedIn = await SignInAsync(browser, Owner, StudioTestHost.TesterPassword))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // A foreign page can make the browser post to /account/logout with its cookies, but not with the page's token.
        using var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await browser.GetAsync("/review"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var real = await BrowserForms.SubmitAsync(browser, "/review", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        using var signedOut = await browser.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/login", signedOut.Headers.Location!.PathAndQuery);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        BrowserForms.SubmitAsync(browser, "/account/login", "Input.Email", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in expecting a refusal, and returns what the page says.</summary>
    private static async Task<string> RefusalAsync(HttpClient browser, string email, string password)
    {
        using var response = await SignInAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]");
        // The alert's icon is a ligature ("error"), not part of the message.
        foreach (var icon in alert?.QuerySelectorAll("i, svg, .rzi").ToList() ?? [])
            icon.Remove();
        return (alert?.TextContent ?? "").Trim();
    }
}
