using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Web.Data;

namespace SoraStudio.EndToEnd.Tests;

public class SettingsTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task TheOwnersApiKeyIsShownOnlyByItsEndingAndNeverSentBack()
    {
        await SignInAsync();
        await OpenAsync("/settings");

        await Page.GetByLabel("API key", new() { Exact = true }).FillAsync("sk-e2e-secret-key-abcd");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(Page.Locator("[data-api-key-state]")).ToHaveTextAsync("API key: set, ends with …abcd");
        await Assertions.Expect(Page.GetByLabel("New API key (leave empty to keep the current one)", new() { Exact = true })).ToHaveValueAsync("");
        await ScreenshotAsync(Page, "settings");
        await Page.ReloadAsync();
        Assert.DoesNotContain("sk-e2e-secret", await Page.ContentAsync());
    }

    [Fact]
    public async Task AMemberWhoIsNotTheOwnerCannotOpenSettings()
    {
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
            if (await users.FindByEmailAsync("mia@studio.test") is null)
                Assert.True((await users.CreateAsync(new StudioUser { UserName = "mia@studio.test", Email = "mia@studio.test", DisplayName = "Mia Member" }, "mia password 1")).Succeeded);
        }
        await Page.GotoAsync("/account/login");
        await ScreenshotAsync(Page, "sign-in");
        await SignInAsync("mia@studio.test", "mia password 1");

        await Page.GotoAsync("/settings");

        Assert.Contains("/account/denied", Page.Url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }
}
