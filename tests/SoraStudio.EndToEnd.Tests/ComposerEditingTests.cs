using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>What only a browser shows of editing a shot and a style bible: the side column in view, focus, keys, leaving a page.</summary>
public class ComposerEditingTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task ThePromptStaysInViewWhileTheLastSectionIsEdited()
    {
        var (projectId, shotId) = await SeedShotAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/shots/{shotId}");

        var finishing = Page.GetByLabel("Finishing", new() { Exact = true });
        await finishing.ScrollIntoViewIfNeededAsync();
        await finishing.FillAsync("Fine-grain overlay with mild chroma noise.");

        var preview = Page.GetByLabel("Prompt text");
        await Assertions.Expect(preview).ToContainTextAsync("Fine-grain overlay with mild chroma noise.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Prompt", Exact = true })).ToBeInViewportAsync();
        await Assertions.Expect(preview).ToBeInViewportAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Cost estimate" })).ToBeInViewportAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Advice", Exact = true })).ToBeInViewportAsync();
        await ScreenshotAsync(Page, "composer-scrolled-1280");
    }

    [Fact]
    public async Task AtPhoneWidthThePanelsStackUnderTheFormAndNothingIsWiderThanThePhone()
    {
        var (projectId, shotId) = await SeedShotAsync();
        await SignInAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync($"/projects/{projectId}/shots/{shotId}");

        var form = await Page.Locator(".composer-layout__form").BoundingBoxAsync();
        var side = await Page.Locator(".composer-layout__side").BoundingBoxAsync();
        Assert.True(side!.Y >= form!.Y + form.Height, "The prompt, cost and advice come after the form at 390 px.");
        Assert.Equal("static", await Page.Locator(".composer-layout__side").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.True(side.X + side.Width <= 390, $"The side column ends at {side.X + side.Width} px, past the phone's 390.");
    }

    [Fact]
    public async Task TypingRightAfterAddBeatLandsInTheNewBeat()
    {
        var (projectId, shotId) = await SeedShotAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/shots/{shotId}");

        // No pause between the click and the keys: a space used to reach the button and add a second beat.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add beat", Exact = true }).ClickAsync();
        await Page.Keyboard.TypeAsync("She spins; her dress flares.");

        await Assertions.Expect(Page.GetByLabel("Beat 1", new() { Exact = true })).ToHaveValueAsync("She spins; her dress flares.");
        await Assertions.Expect(Page.GetByLabel("Beat 2", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("- She spins; her dress flares.");
    }

    [Fact]
    public async Task EnterAddsAPaletteAnchorAndTheStyleBibleIsKeptWhenLeavingThePageAtOnce()
    {
        var (projectId, _) = await SeedShotAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}");

        var anchor = Page.GetByLabel("Palette anchor", new() { Exact = true });
        await anchor.FillAsync("teal");
        await anchor.PressAsync("Enter");
        await Assertions.Expect(Page.GetByLabel("Palette anchors").GetByText("teal")).ToBeVisibleAsync();
        await Assertions.Expect(anchor).ToHaveValueAsync("");

        // Typed, and the page left before the autosave's moment: leaving saves it.
        await Page.GetByLabel("Lighting", new() { Exact = true }).FillAsync("Cold moonlight through fog");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Stairs", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("Cold moonlight through fog");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("teal");
    }

    private async Task<(long ProjectId, long ShotId)> SeedShotAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Harbour {Guid.NewGuid():N}"[..16]));
        var spec = ShotSpec.Empty with
        {
            Model = "sora-2", Size = "1280x720", Seconds = 8, Style = "35 mm film, warm tungsten light",
            Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
            // A brief opens the ultra-detailed section, the composer's last and longest.
            Ultra = new UltraDetail { FormatAndLook = "180° shutter; fine grain." },
        };
        return (projectId, await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", spec));
    }
}
