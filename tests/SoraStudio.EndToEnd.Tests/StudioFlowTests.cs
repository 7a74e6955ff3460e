using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>The studio's main flow in a real browser: projects, a shot, its prompt, a take from the in-process emulator.</summary>
public class StudioFlowTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task CreateAProjectComposeAShotAndGenerateAPlayableClip()
    {
        await SignInAsync();
        await OpenAsync("/");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/projects$"));
        await Screenshot("projects");

        // A project, named in the dialog.
        await Page.GetByRole(AriaRole.Button, new() { Name = "New project" }).ClickAsync();
        await Page.GetByLabel("Project name", new() { Exact = true }).FillAsync("Lighthouse <b>keeper</b>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        // Markup in a name is text.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lighthouse <b>keeper</b>");
        await Assertions.Expect(Page.Locator(".shell-project")).ToContainTextAsync("Lighthouse <b>keeper</b>");

        // The style bible, saved as typed.
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("35 mm film, warm tungsten light");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Pending");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");

        // A shot.
        await Page.GetByLabel("New shot title", new() { Exact = true }).FillAsync("Stairs at dusk");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add shot" }).ClickAsync();
        var shotLink = Page.GetByRole(AriaRole.Link, new() { Name = "Stairs at dusk" });
        await Assertions.Expect(shotLink).ToBeVisibleAsync();
        await Screenshot("project");
        await shotLink.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/projects/\d+/shots/\d+$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Stairs at dusk");

        // The composer: fields by label, the exact prompt in the preview, the style inherited from the bible.
        await Page.GetByLabel("Scene description", new() { Exact = true }).FillAsync("A lighthouse keeper climbs the spiral stairs, lantern in hand.");
        var preview = Page.GetByLabel("Prompt text");
        await Assertions.Expect(preview).ToContainTextAsync("A lighthouse keeper climbs the spiral stairs, lantern in hand.");
        await Assertions.Expect(preview).ToContainTextAsync("35 mm film, warm tungsten light");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");
        await Screenshot("composer");

        // The draft survives a reload.
        await Page.ReloadAsync();
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-interactive]') !== null");
        await Assertions.Expect(Page.GetByLabel("Scene description", new() { Exact = true })).ToHaveValueAsync("A lighthouse keeper climbs the spiral stairs, lantern in hand.");

        // Generate, with the cost confirmed.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("$0.40");
        await Screenshot("generate-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Generate for $0.40" }).ClickAsync();

        // The take renders in the emulator and plays.
        await Assertions.Expect(Page.Locator(".take-card")).ToHaveCountAsync(1);
        await Screenshot("takes-rendering");
        var video = Page.Locator(".take-card video");
        await Assertions.Expect(video).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await Page.WaitForFunctionAsync("() => { const v = document.querySelector('.take-card video'); return v && v.readyState >= 2 && v.duration > 0; }",
            null, new() { Timeout = 30_000 });
        await Screenshot("takes");
    }

    [Fact]
    public async Task A100KilobytePasteIsCutWithAClearMessageAndThePageStaysResponsive()
    {
        await SignInAsync();
        var shotPath = await NewShotAsync("Paste");

        await OpenAsync(shotPath);
        var scene = Page.GetByLabel("Scene description", new() { Exact = true });
        await scene.FillAsync(new string('x', 100_000));

        await Assertions.Expect(Page.GetByText("Cut at 32,000 characters").First).ToBeVisibleAsync();
        await Assertions.Expect(scene).ToHaveValueAsync(new string('x', 32_000));
        // Still interactive: the next keystroke reaches the preview.
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("still here");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("still here");
    }

    [Fact]
    public async Task AReferenceImageOfAnotherSizeIsExplainedAndCroppedInTheBrowserToTheVideoSize()
    {
        await SignInAsync();
        var shotPath = await NewShotAsync("Reference");
        await OpenAsync(shotPath);
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Reference image" }).ClickAsync();
        // A square PNG, drawn by the browser itself.
        var square = await Page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 1024; c.height = 1024; const g = c.getContext('2d'); g.fillStyle = '#2a6f97'; g.fillRect(0, 0, 1024, 1024); g.fillStyle = '#f4a259'; g.fillRect(312, 312, 400, 400); return c.toDataURL('image/png').split(',')[1]; }");

        await Page.GetByLabel("Upload an image", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "square.png", MimeType = "image/png", Buffer = Convert.FromBase64String(square) });

        var note = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is 1024×1024, but this shot is 1280×720" });
        await Assertions.Expect(note).ToBeVisibleAsync();
        await Screenshot("reference-mismatch");
        await note.GetByRole(AriaRole.Button, new() { Name = "Crop and resize to 1280×720" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".reference-image__meta")).ToContainTextAsync("1280×720 · image/png", new() { Timeout = 15_000 });
        await Assertions.Expect(note).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Reference image square 1280x720" })).ToBeVisibleAsync();
        await Screenshot("reference");
    }

    [Fact]
    public async Task ADroppedConnectionShowsTheReconnectDialogReconnectsAndLosesNothing()
    {
        await SignInAsync();
        var shotPath = await NewShotAsync("Reconnect");
        // Keep the page's WebSockets at hand, to drop the circuit's connection as a network fault would.
        await Page.AddInitScriptAsync("(() => { const Native = window.WebSocket; window.__sockets = []; window.WebSocket = class extends Native { constructor(...args) { super(...args); window.__sockets.push(this); } }; })()");
        await OpenAsync(shotPath);
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("before the drop");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("before the drop");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");

        await Page.EvaluateAsync("() => window.__sockets.forEach(s => s.close())");

        var dialog = ReconnectDialog();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Rejoining the server");
        await Assertions.Expect(dialog).ToContainTextAsync("Your draft is saved on the server as you type.");
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("after the drop");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("after the drop");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");

        // What was typed across the drop is stored.
        await OpenAsync(shotPath);
        await Assertions.Expect(Page.GetByLabel("Style", new() { Exact = true })).ToHaveValueAsync("after the drop");
    }

    [Fact]
    public async Task APausedSessionOffersResumeAndCarriesOnWhereItWas()
    {
        await SignInAsync();
        var shotPath = await NewShotAsync("Pause");
        await OpenAsync(shotPath);
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("before the pause");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");

        // .NET 10's client pauses a circuit (the server keeps its state and frees it); the dialog offers to resume.
        await Page.EvaluateAsync("() => Blazor.pauseCircuit()");

        var dialog = ReconnectDialog();
        await Assertions.Expect(dialog).ToContainTextAsync("The session has been paused");
        // The dialog fades in: the screenshot shows it once its animations have finished.
        await dialog.EvaluateAsync("d => Promise.all(d.getAnimations({ subtree: true }).filter(a => a.effect?.getTiming().iterations !== Infinity).map(a => a.finished))");
        await Screenshot("reconnect-paused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(Page.GetByLabel("Style", new() { Exact = true })).ToHaveValueAsync("before the pause");
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("after the pause");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("after the pause");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");

        await OpenAsync(shotPath);
        await Assertions.Expect(Page.GetByLabel("Style", new() { Exact = true })).ToHaveValueAsync("after the pause");
    }

    ILocator ReconnectDialog() => Page.GetByRole(AriaRole.Dialog, new() { Name = "Connection to the studio", IncludeHidden = true });

    [Fact]
    public async Task AShotThatDoesNotExistShowsTheNotFoundPage()
    {
        await SignInAsync();
        await OpenAsync("/projects/987654/shots/123456");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AProjectThatDoesNotExistShowsTheNotFoundPage()
    {
        await SignInAsync();
        await OpenAsync("/projects/987654");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }

    async Task<string> NewShotAsync(string title)
    {
        await OpenAsync("/projects");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New project" }).ClickAsync();
        await Page.GetByLabel("Project name", new() { Exact = true }).FillAsync($"{title} project");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        await Page.GetByLabel("New shot title", new() { Exact = true }).FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add shot" }).ClickAsync();
        var link = Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        return (await link.GetAttributeAsync("href"))!;
    }

    /// <summary>With STUDIO_SCREENSHOTS set to a folder, saves the page as it looks now (1280x720) there.</summary>
    async Task Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("STUDIO_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await Page.WaitForTimeoutAsync(400);
        await Page.EvaluateAsync("() => document.querySelectorAll('.rz-body, .composer-layout__side').forEach(e => e.scrollTop = 0)");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-1280.png") });
    }
}
