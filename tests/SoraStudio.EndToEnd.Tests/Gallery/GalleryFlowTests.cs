using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// Generate (through the services, against the in-process emulator), edit from the gallery (the emulator's models have
/// edits, so the one-change dialog is Edit), see the child in the lineage, select it, play the sequence. With STUDIO_SCREENSHOTS set to a folder (e.g. docs/screenshots), screenshots
/// of each view go there.
/// </summary>
public class GalleryFlowTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    private static readonly TimeSpan Generation = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EditFromTheGallerySeeTheChildInTheLineageSelectItAndPlayTheSequence()
    {
        var (projectId, _, parentId) = await SeedAsync();
        await WaitReadyAsync(Server, parentId);
        var parentNo = await NumberOfAsync(parentId);
        await SignInAsync();
        // Every answer for a take's video, from the start: the browser may fetch the child's clip before the test seeks.
        var videoAnswers = new System.Collections.Concurrent.ConcurrentQueue<(string Url, int Status)>();
        Page.Response += (_, r) => { if (r.Url.Contains("/media/takes/") && r.Url.EndsWith("/video", StringComparison.Ordinal)) videoAnswers.Enqueue((r.Url, r.Status)); };

        // Edit from the gallery.
        await OpenAsync($"/projects/{projectId}/gallery");
        var tile = Page.GetByRole(AriaRole.Article, new() { Name = $"Take {parentNo}", Exact = true });
        await Assertions.Expect(tile).ToBeVisibleAsync();
        await Assertions.Expect(tile.GetByAltText($"Thumbnail of take {parentNo}")).ToBeVisibleAsync();
        await Screenshot("gallery-1280.png");
        await tile.GetByRole(AriaRole.Button, new() { Name = $"Edit take {parentNo}" }).ClickAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit take {parentNo}", Exact = true });
        await Assertions.Expect(dialog.GetByLabel("Parent's prompt", new() { Exact = true })).ToContainTextAsync("lighthouse keeper");
        var instruction = dialog.GetByLabel("Edit instruction", new() { Exact = true });
        await instruction.FillAsync("Change the lens and the lighting, and add rain");
        await Assertions.Expect(dialog.GetByLabel("Edit advice")).ToContainTextAsync("changes");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lens" }).ClickAsync();
        await Assertions.Expect(instruction).ToHaveValueAsync("Same shot, switch to an 85mm lens.");
        await Assertions.Expect(dialog.GetByLabel("Edit advice")).ToContainTextAsync("One anchored change");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Price" })).ToContainTextAsync("$0.40 (4 s at $0.10/s)");
        await Screenshot("edit-dialog-1280.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Queue edit" }).ClickAsync();

        // The child's take view: its lineage shows it under its parent, edge labelled with the change.
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/takes/\d+$"));
        var childId = long.Parse(Page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.NotEqual(parentId, childId);
        var childNo = await NumberOfAsync(childId);
        var tree = Page.GetByRole(AriaRole.Tree);
        var child = tree.GetByRole(AriaRole.Treeitem, new() { Name = $"Take {childNo}", Exact = false });
        await Assertions.Expect(child).ToHaveAttributeAsync("aria-level", "2");
        await Assertions.Expect(child).ToContainTextAsync("Same shot, switch to an 85mm lens.");
        await Assertions.Expect(Page.Locator($"li[data-take-id='{parentId}'] li[data-take-id='{childId}']")).ToHaveCountAsync(1);

        // It becomes ready live, then is selected for the timeline.
        var select = Page.GetByRole(AriaRole.Button, new() { Name = "Select for timeline" });
        await Assertions.Expect(select).ToBeVisibleAsync(new() { Timeout = (float)Generation.TotalMilliseconds });
        await select.ClickAsync();
        await Assertions.Expect(Page.GetByText("Selected for the timeline", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel($"Video of take {childNo}")).ToBeVisibleAsync();
        // Seeking works: the player asks for byte ranges and the clip endpoint answers 206.
        var seekedTo = await Page.GetByLabel($"Video of take {childNo}").EvaluateAsync<double>(
            "v => new Promise(done => { v.addEventListener('seeked', () => done(v.currentTime), { once: true }); v.currentTime = 2.5; })");
        Assert.Equal(2.5, seekedTo, 0.3);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!videoAnswers.Any(a => a.Url.EndsWith($"/media/takes/{childId}/video", StringComparison.Ordinal) && a.Status == 206) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Contains(videoAnswers, a => a.Url.EndsWith($"/media/takes/{childId}/video", StringComparison.Ordinal) && a.Status == 206);
        Assert.DoesNotContain(videoAnswers, a => a.Status >= 400);
        await Assertions.Expect(Page.Locator(".rz-notification-item")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Screenshot("take-view-1280.png");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Diff take {parentNo}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Diff take {childNo}" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Prompt diff")).ToContainTextAsync("Same shot, switch to an 85mm lens.");
        await Page.Locator(".lineage-panel").ScrollIntoViewIfNeededAsync();
        if (ScreenshotPath("lineage-1280.png") is { } lineage)
            await Page.Locator(".lineage-panel").ScreenshotAsync(new() { Path = lineage });

        // The timeline: the selected take plays; the second shot is flagged.
        await OpenAsync($"/projects/{projectId}/timeline");
        var strip = Page.GetByRole(AriaRole.List, new() { Name = "Shots in order" });
        await Assertions.Expect(strip.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Assertions.Expect(strip.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("No take selected");
        await Assertions.Expect(Page.Locator("#running-time")).ToHaveTextAsync("0:12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Play the sequence" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Now playing")).ToContainTextAsync($"(take {childId})");
        await Assertions.Expect(strip.Locator("li[aria-current='true']")).ToContainTextAsync("Stairs");
        await Page.WaitForFunctionAsync("() => { const v = document.querySelector('.timeline-player video'); return v && v.currentTime > 0.2; }", null, new() { Timeout = 15_000 });
        await Screenshot("timeline-1280.png");

        // Compare the parent and the child side by side.
        await OpenAsync($"/takes/compare?ids={parentId},{childId}");
        await Assertions.Expect(Page.Locator(".compare-grid video")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByLabel("Prompt diff")).ToContainTextAsync("Same shot, switch to an 85mm lens.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Play all from the start" }).ClickAsync();
        await Page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('.compare-grid video')).every(v => !v.paused && v.currentTime > 0.1)", null, new() { Timeout = 15_000 });
        await Screenshot("compare-1280.png");
    }

    [Fact]
    public async Task AnMp4ImportedIntoAShotBecomesAReadyTakeAndATruncatedOneIsRefused()
    {
        await using var scope = await Server.ScopeAsAsync();
        var projectName = $"Imports {Guid.NewGuid():N}"[..16];
        var projectId = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput(projectName));
        await scope.ServiceProvider.GetRequiredService<ShotService>().AddAsync(projectId, "Harbour", Spec("A boat leaves the harbour.", 4));
        var sample = Path.Combine(RepositoryRoot(), "wwwroot-assets", "samples", "sample-1280x720-4s.mp4");
        var bytes = await File.ReadAllBytesAsync(sample);
        await SignInAsync();

        await OpenAsync("/import");
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Project" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = projectName }).ClickAsync();
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Shot" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Harbour" }).ClickAsync();
        await Page.GetByLabel("MP4 files").SetInputFilesAsync(
        [
            new FilePayload { Name = "old-take.mp4", MimeType = "video/mp4", Buffer = bytes },
            new FilePayload { Name = "cut.mp4", MimeType = "video/mp4", Buffer = bytes[..(bytes.Length / 2)] },
        ]);

        var results = Page.GetByRole(AriaRole.List, new() { Name = "Import results" });
        await Assertions.Expect(results.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Assertions.Expect(results.GetByRole(AriaRole.Listitem).Nth(0)).ToContainTextAsync("old-take.mp4 → take");
        await Assertions.Expect(results.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("“cut.mp4” is cut short");
        await Screenshot("import-1280.png");
        await results.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Take \d+$"));
        await Assertions.Expect(Page.Locator("video.take-player")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".take-page__provenance")).ToContainTextAsync("1280x720");
    }

    private async Task<(long ProjectId, long ShotId, long TakeId)> SeedAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Lighthouse {Guid.NewGuid():N}"[..18]));
        var shots = services.GetRequiredService<ShotService>();
        var shotId = await shots.AddAsync(projectId, "Stairs", Spec("A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.", 4));
        await shots.AddAsync(projectId, "Lamp room", Spec("The keeper lights the great lamp; its beam sweeps the sea.", 8));
        var takes = await services.GetRequiredService<GenerationService>().GenerateAsync(shotId, requestedBy: "e2e");
        return (projectId, shotId, takes.Single());
    }

    private static ShotSpec Spec(string scene, int seconds) => ShotSpec.Empty with
    {
        Model = "sora-2",
        Size = "1280x720",
        Seconds = seconds,
        Style = "35 mm film, warm tungsten light",
        Scene = scene,
    };

    internal static async Task WaitReadyAsync(StudioTestHost server, long takeId)
    {
        var deadline = DateTime.UtcNow + Generation;
        while (true)
        {
            await using var scope = await server.ScopeAsAsync();
            var take = await scope.ServiceProvider.GetRequiredService<GalleryQueries>().TakeAsync(takeId);
            if (take.Card.Status == TakeStatus.Ready)
                return;
            Assert.True(take.Card.Status is not (TakeStatus.Failed or TakeStatus.Canceled or TakeStatus.Expired or TakeStatus.NeedsAttention),
                $"Take {takeId} ended {take.Card.Status}: {take.Card.ErrorMessage}");
            Assert.True(DateTime.UtcNow < deadline, $"Take {takeId} is still {take.Card.Status}.");
            await Task.Delay(250);
        }
    }

    private async Task Screenshot(string name, bool fullPage = false)
    {
        if (ScreenshotPath(name) is { } path)
            await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
    }

    /// <summary>Where to save a screenshot: in the folder STUDIO_SCREENSHOTS names (as issue 5's tests do), else nowhere (null).</summary>
    internal static string? ScreenshotPath(string name)
    {
        if (Environment.GetEnvironmentVariable("STUDIO_SCREENSHOTS") is not { Length: > 0 } folder)
            return null;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: SoraStudio.sln not found above " + AppContext.BaseDirectory);
    }
}
