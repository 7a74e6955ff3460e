using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// A ready take's children, from its page against the in-process emulator: an extension (priced in its dialog, played
/// at its stitched length, replacing its source on the timeline once selected) and an edit.
/// </summary>
public class ChildTakeFlowTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    private static readonly float Generation = 90_000;

    [Fact]
    public async Task ExtendAReadyTakeAndTheChildPlaysAtTheStitchedLengthAndRunsTheTimelineOnceSelected()
    {
        var (projectId, parentId) = await SeedReadyTakeAsync();
        var parentNo = await NumberOfAsync(parentId);
        await SignInAsync();
        await OpenAsync($"/takes/{parentId}");

        await Page.Locator(".take-page__actions").GetByRole(AriaRole.Button, new() { Name = $"Extend take {parentNo}" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Extend take {parentNo}", Exact = true });
        var lengths = dialog.GetByRole(AriaRole.Radio);
        await Assertions.Expect(lengths).ToHaveCountAsync(5);
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "+8 s → 12 s · $0.80" }).ClickAsync();
        var price = dialog.GetByRole(AriaRole.Status, new() { Name = "Price" });
        await Assertions.Expect(price).ToContainTextAsync("$0.80 (8 s at $0.10/s)");
        await Assertions.Expect(price).ToContainTextAsync("no budget set");
        // One beat for eight added seconds: the composer's beats advice, on the added seconds.
        var prompt = dialog.GetByLabel("What happens next", new() { Exact = true });
        await prompt.FillAsync("The keeper reaches the lamp.");
        await Assertions.Expect(dialog.GetByLabel("Extension advice")).ToContainTextAsync("Only 1 action beat for 8 s");
        await prompt.FillAsync("The keeper reaches the lamp.\nShe lights it; the beam sweeps the sea.");
        await Assertions.Expect(dialog.GetByLabel("Extension advice")).ToContainTextAsync("The beats fit the added 8 s.");
        await Screenshot("extend-dialog-1280.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Extend for $0.80" }).ClickAsync();

        // The child's page: under its parent in the lineage, on an edge drawn as an extension.
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = Generation });
        // Polls the address: a client-side navigation can land before WaitForURL starts listening for it.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($@"/takes/(?!{parentId}$)\d+$"), new() { Timeout = Generation });
        var childId = long.Parse(Page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.NotEqual(parentId, childId);
        var edge = Page.Locator($"li[data-take-id='{parentId}'] li[data-take-id='{childId}'] > .lineage__edge--extension");
        await Assertions.Expect(edge).ToContainTextAsync("Extension +8 s → 12 s");
        await Assertions.Expect(edge).ToContainTextAsync("She lights it");

        // Ready, it plays 12 s: the source's 4 s followed by the 8 added.
        var select = Page.GetByRole(AriaRole.Button, new() { Name = "Select for timeline" });
        await Assertions.Expect(select).ToBeVisibleAsync(new() { Timeout = Generation });
        var player = Page.GetByLabel($"Video of take {await NumberOfAsync(childId)}");
        var duration = await player.EvaluateAsync<double>(
            "v => new Promise(done => v.readyState >= 1 ? done(v.duration) : v.addEventListener('loadedmetadata', () => done(v.duration), { once: true }))");
        Assert.Equal(12, duration, 0.5);
        await Assertions.Expect(Page.Locator(".take-page__provenance")).ToContainTextAsync(new Regex(@"12 s \(clip 1[12]\.\d s\), the parent's clip and the added seconds"));
        await Assertions.Expect(Page.Locator(".take-page__provenance")).ToContainTextAsync("extended from");
        await Page.Locator(".lineage-panel").ScrollIntoViewIfNeededAsync();
        if (GalleryFlowTests.ScreenshotPath("lineage-extension-1280.png") is { } lineage)
            await Page.Locator(".lineage-panel").ScreenshotAsync(new() { Path = lineage });

        // The source stays on the timeline until the extension is selected; then the running time is the stitched length.
        await OpenAsync($"/projects/{projectId}/timeline");
        await Assertions.Expect(Page.Locator("#running-time")).ToHaveTextAsync("0:04");
        await OpenAsync($"/takes/{childId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Select for timeline" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Selected for the timeline", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".rz-notification-item")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Screenshot("extension-take-1280.png");
        await OpenAsync($"/projects/{projectId}/timeline");
        await Assertions.Expect(Page.Locator("#running-time")).ToHaveTextAsync("0:12");
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Shots in order" }).GetByRole(AriaRole.Listitem)).ToContainTextAsync($"take {childId}"); // the timeline strip still says the id (not this change)
    }

    [Fact]
    public async Task EditAReadyTakeFromItsPage()
    {
        var (_, parentId) = await SeedReadyTakeAsync();
        var parentNo = await NumberOfAsync(parentId);
        await SignInAsync();
        await OpenAsync($"/takes/{parentId}");

        await Page.Locator(".take-page__actions").GetByRole(AriaRole.Button, new() { Name = $"Edit take {parentNo}" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit take {parentNo}", Exact = true });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lighting" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Edit instruction", new() { Exact = true })).ToHaveValueAsync("Same shot, warm golden-hour backlight.");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Price" })).ToContainTextAsync("$0.40 (4 s at $0.10/s)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Queue edit" }).ClickAsync();

        // On a loaded machine the queueing round trip can outlast Playwright's default 30 s; the dialog closing says it was queued.
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = Generation });
        // Polls the address: a client-side navigation can land before WaitForURL starts listening for it.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($@"/takes/(?!{parentId}$)\d+$"), new() { Timeout = Generation });
        var childId = long.Parse(Page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        var edge = Page.Locator($"li[data-take-id='{parentId}'] li[data-take-id='{childId}'] > .lineage__edge--edit");
        await Assertions.Expect(edge).ToContainTextAsync("Edit");
        await Assertions.Expect(edge).ToContainTextAsync("Same shot, warm golden-hour backlight.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Edit instruction" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Select for timeline" })).ToBeVisibleAsync(new() { Timeout = Generation });
        await Assertions.Expect(Page.Locator(".take-page__provenance")).ToContainTextAsync("edited from");
        await Assertions.Expect(Page.GetByLabel($"Video of take {await NumberOfAsync(childId)}")).ToBeVisibleAsync();
        await Screenshot("edit-take-1280.png");
    }

    private async Task<(long ProjectId, long TakeId)> SeedReadyTakeAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Lighthouse {Guid.NewGuid():N}"[..18]));
        var spec = ShotSpec.Empty with
        {
            Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, warm tungsten light",
            Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
        };
        var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", spec);
        var takeId = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId)).Single();
        await GalleryFlowTests.WaitReadyAsync(Server, takeId);
        return (projectId, takeId);
    }

    private async Task Screenshot(string name)
    {
        if (GalleryFlowTests.ScreenshotPath(name) is { } path)
            await Page.ScreenshotAsync(new() { Path = path });
    }
}
