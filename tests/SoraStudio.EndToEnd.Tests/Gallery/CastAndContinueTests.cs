using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// The take page's "Make a character" (a range picked on the player, cut and uploaded) and "Continue in next shot" (its
/// last frame as the next shot's first), end to end against the emulator mounted in the studio.
/// </summary>
public class CastAndContinueTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    private async Task<(long ProjectId, long ShotId, long TakeId)> ReadyTakeAsync(string project, params string[] laterScenes)
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"{project} {Guid.NewGuid():N}"[..20]));
        var shots = services.GetRequiredService<ShotService>();
        var shotId = await shots.AddAsync(projectId, "Stairs", Spec("A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand."));
        foreach (var scene in laterScenes)
            await shots.AddAsync(projectId, "Lamp room", Spec(scene));
        var takeId = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId, requestedBy: "e2e")).Single();
        await GalleryFlowTests.WaitReadyAsync(Server, takeId);
        return (projectId, shotId, takeId);
    }

    [Fact]
    public async Task ACharacterIsMadeFromARangeOfTheTakeAndTheComposerChecksItsNameInPrompts()
    {
        var (projectId, _, takeId) = await ReadyTakeAsync("Cast", "mara lights the great lamp.");
        await SignInAsync();
        await OpenAsync($"/takes/{takeId}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Make a character" }).ClickAsync();
        await Page.GetByLabel("Character name").FillAsync("Mara");
        var to = Page.GetByLabel("To (seconds)");
        await to.FillAsync("9");
        await to.PressAsync("Tab");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make character" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "after the clip's end" })).ToBeVisibleAsync();

        await to.FillAsync("3");
        await to.PressAsync("Tab");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make character" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Mara joined the cast")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ScreenshotAsync(Page, "cast-from-take-1280");

        await OpenAsync($"/projects/{projectId}");
        var member = Page.GetByRole(AriaRole.Listitem, new() { Name = "Mara", Exact = true });
        await Assertions.Expect(member.GetByText("Ready", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await member.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(Page, "cast-1280");

        // The second shot names her in lower case: the advice says her character would not be sent, and fixes it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lamp room" }).ClickAsync();
        var warning = Page.GetByText("is written differently from the cast member “Mara”").First;
        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await warning.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(Page, "cast-advice-1280");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Write “Mara”" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByText("Sends the character of Mara").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ContinueInNextShotStartsANewShotFromTheTakesLastFrame()
    {
        var (projectId, _, takeId) = await ReadyTakeAsync("Continue");
        await SignInAsync();
        await OpenAsync($"/takes/{takeId}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue in next shot" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Shot 2 was added, starting from this take's last frame.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ScreenshotAsync(Page, "continue-take-1280");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Open shot 2" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/projects/{projectId}/shots/\\d+$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Shot 2: Stairs (continued)" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Reference image" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = $"Reference image Last frame of take {takeId}" })).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "continue-from-last-frame-1280");
    }

    private static ShotSpec Spec(string scene) => ShotSpec.Empty with
    {
        Model = "sora-2",
        Size = "1280x720",
        Seconds = 4,
        Style = "35 mm film, warm tungsten light",
        Scene = scene,
    };
}
