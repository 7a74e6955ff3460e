using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// The spec's action beats on a ready take's player, against the in-process emulator: labelled where they fall, [ and ]
/// on the scrub bar jump the video between them, one click on a beat starts a comment on its span; and in the compare view.
/// </summary>
public class BeatMarkerTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    private static readonly Beat[] CurtainBeats =
        [new("Character takes four steps to the window"), new("Pauses and looks outside"), new("Reaches up and pulls the curtain in the final second")];

    [Fact]
    public async Task AReviewerSeesTheBeatsOnTheScrubBarJumpsBetweenThemAndCommentsOnOne()
    {
        var (shotId, takeId) = await SeedReadyTakeAsync();
        await SignInAsync();
        await OpenAsync($"/takes/{takeId}");

        var beats = Page.GetByRole(AriaRole.List, new() { Name = "Action beats" });
        await Assertions.Expect(beats.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Assertions.Expect(beats.GetByRole(AriaRole.Listitem).Nth(2)).ToContainTextAsync("Reaches up and pulls the curtain");
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Dialogue lines" })).ToContainTextAsync("Woman: “Morning already.”");
        var player = Page.GetByLabel($"Video of take {await NumberOfAsync(takeId)}");
        await player.EvaluateAsync("v => new Promise(done => v.readyState >= 1 ? done() : v.addEventListener('loadedmetadata', () => done(), { once: true }))");

        // Keyboard: ] twice from the start lands on the third beat (3 s), [ goes back to the second (1.5 s).
        var bar = Page.GetByRole(AriaRole.Slider, new() { Name = "Video position" });
        await bar.FocusAsync();
        await Page.Keyboard.PressAsync("]");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "1.5");
        await Page.Keyboard.PressAsync("]");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "3");
        Assert.Equal(3, await player.EvaluateAsync<double>("v => v.currentTime"), 0.1);
        await Page.Keyboard.PressAsync("[");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "1.5");

        // One click on a beat: the comment box has focus, placed on the beat's span.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Beat 2, 0:01.5 to 0:03: Pauses and looks outside (comment on this beat)" }).ClickAsync();
        var box = Page.GetByLabel("Comment", new() { Exact = true });
        await Assertions.Expect(box).ToBeFocusedAsync();
        await Assertions.Expect(Page.GetByText("From 0:01.5 to 0:03")).ToBeVisibleAsync();
        await Page.Keyboard.TypeAsync("She looks outside too briefly.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".scrub-marker[aria-label^='0:01.5–0:03']")).ToBeVisibleAsync();
        await Screenshot("beats-take-1280.png");

        // The compare view: each take's beats under its player; a click plays every take from there.
        var otherId = await GenerateAndWaitAsync(shotId);
        await OpenAsync($"/takes/compare?ids={takeId},{otherId}");
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Action beats" })).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Dialogue lines" })).ToHaveCountAsync(2);
        var players = Page.Locator("video.take-player");
        await players.Nth(1).EvaluateAsync("v => new Promise(done => v.readyState >= 1 ? done() : v.addEventListener('loadedmetadata', () => done(), { once: true }))");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Beat 3, 0:03 to 0:04: Reaches up and pulls the curtain in the final second (play every take from here)" }).First.ClickAsync();
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('video.take-player')].every(v => Math.abs(v.currentTime - 3) < 0.1)");
        await Screenshot("beats-compare-1280.png");
    }

    private async Task<(long ShotId, long TakeId)> SeedReadyTakeAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Curtain {Guid.NewGuid():N}"[..16]));
        var spec = ShotSpec.Empty with
        {
            Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, soft window light",
            Scene = "A small apartment at dawn; a woman by a curtained window.", Actions = [.. CurtainBeats],
            Dialogue = [new DialogueLine("Woman", "Morning already.")],
        };
        var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Curtain", spec);
        return (shotId, await GenerateAndWaitAsync(shotId));
    }

    private async Task<long> GenerateAndWaitAsync(long shotId)
    {
        await using var scope = await Server.ScopeAsAsync();
        var takeId = (await scope.ServiceProvider.GetRequiredService<GenerationService>().GenerateAsync(shotId)).Single();
        await GalleryFlowTests.WaitReadyAsync(Server, takeId);
        return takeId;
    }

    private async Task Screenshot(string name)
    {
        if (GalleryFlowTests.ScreenshotPath(name) is { } path)
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }
}
