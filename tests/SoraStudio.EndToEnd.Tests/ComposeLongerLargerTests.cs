using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>The later guide's longer and larger clips in the composer: 20 s at 1920x1080 on sora-2-pro, priced, its budgets scaled.</summary>
public class ComposeLongerLargerTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task ComposeATwentySecond1080pShotWithItsPriceAndBudgetsAndGenerateIt()
    {
        var (projectId, shotId) = await SeedShotAsync();
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/shots/{shotId}");

        // sora-2 offers 16 and 20 s, but no 1080p.
        var sizes = Page.Locator("[aria-labelledby='size-label']");
        var durations = Page.Locator("[aria-labelledby='seconds-label']");
        await Assertions.Expect(durations.GetByRole(AriaRole.Radio, new() { Name = "20 s · $2.00" })).ToBeVisibleAsync();
        await Assertions.Expect(sizes.GetByRole(AriaRole.Radio, new() { Name = "1920x1080 · $0.70/s" })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Model" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Sora 2 Pro", Exact = true }).ClickAsync();
        await sizes.GetByRole(AriaRole.Radio, new() { Name = "1920x1080 · $0.70/s" }).ClickAsync();
        await durations.GetByRole(AriaRole.Radio, new() { Name = "20 s · $14.00" }).ClickAsync();

        // The price and the guide's budgets follow: 5–10 beats and 60 words of dialogue in 20 s.
        await Assertions.Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Cost estimate" })).ToContainTextAsync("$14.00 per take");
        await Assertions.Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Cost estimate" })).ToContainTextAsync("20 s at $0.70/s");
        await Assertions.Expect(Page.Locator(".composer-budget").First).ToContainTextAsync("of 5–10 beats for 20 s");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("A lighthouse keeper");
        await Assertions.Expect(Page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-save-state", "Saved");
        await ScreenshotAsync(Page, "composer-20s-1080p-1280");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("1 × 20 s of sora-2-pro at 1920x1080");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Generate for $14.00" }).ClickAsync();

        var card = Page.Locator(".take-card");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("sora-2-pro · 1920x1080 · 20 s · $14.00");
        await Assertions.Expect(card.Locator("[data-take-status='Ready']")).ToHaveCountAsync(1, new() { Timeout = 90_000 });
    }

    private async Task<(long ProjectId, long ShotId)> SeedShotAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Harbour {Guid.NewGuid():N}"[..16]));
        var spec = ShotSpec.Empty with
        {
            Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, warm tungsten light",
            Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
        };
        return (projectId, await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", spec));
    }
}
