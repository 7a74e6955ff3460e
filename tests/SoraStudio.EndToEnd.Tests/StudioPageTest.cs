using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// A fresh browser context per test, at 1280x720. Any console error or uncaught page error fails the test.
/// </summary>
[Collection(StudioCollection.Name)]
public abstract class StudioPageTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _browserErrors = [];
    private readonly List<string> _expectedErrors = [];
    private IBrowserContext _context = null!;
    private readonly List<IBrowserContext> _others = [];

    protected IPage Page { get; private set; } = null!;
    protected StudioTestHost Server => fixture.Server;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = Server.BaseAddress.ToString() });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) => { if (message.Type == "error") _browserErrors.Add($"console: {message.Text}"); };
        Page.PageError += (_, error) => _browserErrors.Add($"page error: {error}");
    }

    public async Task DisposeAsync()
    {
        foreach (var other in _others)
            await other.DisposeAsync();
        await _context.DisposeAsync();
        var unexpected = _browserErrors.Where(e => !_expectedErrors.Any(e.Contains)).ToList();
        Assert.True(unexpected.Count == 0, "The browser reported errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>A browser error that this test causes on purpose (e.g. the console line for a 404 document).</summary>
    protected void ExpectBrowserError(string fragment) => _expectedErrors.Add(fragment);

    /// <summary>Opens a page and waits until its Blazor circuit is connected and interactive.</summary>
    protected Task OpenAsync(string path) => OpenAsync(Page, path);

    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null", null, new() { Timeout = 15_000 });
    }

    /// <summary>Signs in through the sign-in page (the studio's owner by default) and lands on the home page.</summary>
    protected Task SignInAsync(string email = StudioTestHost.OwnerEmail, string password = StudioTestHost.OwnerPassword) => SignInAsync(Page, email, password);

    protected static async Task SignInAsync(IPage page, string email = StudioTestHost.OwnerEmail, string password = StudioTestHost.OwnerPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    /// <summary>A second browser (its own cookies) at 1280x720 whose errors fail the test too: a second person.</summary>
    protected async Task<IPage> NewPersonAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = Server.BaseAddress.ToString() });
        _others.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") _browserErrors.Add($"console (second person): {message.Text}"); };
        page.PageError += (_, error) => _browserErrors.Add($"page error (second person): {error}");
        return page;
    }

    /// <summary>A take's number in its project: what the pages call it ("Take 3"); its id stays in the URLs.</summary>
    protected async Task<int> NumberOfAsync(long takeId)
    {
        await using var db = await Server.DbAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Takes.Where(t => t.Id == takeId).Select(t => t.Number));
    }

    /// <summary>Saves a screenshot in the folder <c>STUDIO_SCREENSHOTS</c> (as the other tests; <c>SORA_SCREENSHOTS</c> still works) names, if set.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        if ((Environment.GetEnvironmentVariable("STUDIO_SCREENSHOTS") is { Length: > 0 } studio ? studio : Environment.GetEnvironmentVariable("SORA_SCREENSHOTS"))
            is not { Length: > 0 } folder)
            return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
