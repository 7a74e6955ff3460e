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

    protected IPage Page { get; private set; } = null!;
    protected StudioServer Server => fixture.Server;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = Server.BaseAddress.ToString() });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) => { if (message.Type == "error") _browserErrors.Add($"console: {message.Text}"); };
        Page.PageError += (_, error) => _browserErrors.Add($"page error: {error}");
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        var unexpected = _browserErrors.Where(e => !_expectedErrors.Any(e.Contains)).ToList();
        Assert.True(unexpected.Count == 0, "The browser reported errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>A browser error that this test causes on purpose (e.g. the console line for a 404 document).</summary>
    protected void ExpectBrowserError(string fragment) => _expectedErrors.Add(fragment);

    /// <summary>Opens a page and waits until its Blazor circuit is connected and interactive.</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null", null, new() { Timeout = 15_000 });
    }
}
