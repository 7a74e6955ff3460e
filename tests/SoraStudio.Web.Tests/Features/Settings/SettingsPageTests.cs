using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Settings;

public class SettingsPageTests : PageTestContext
{
    [Fact]
    public void ThePageSaysWhichProviderTheRunningStudioGeneratesWith()
    {
        var page = Render<SettingsPage>();

        // The test host talks to a configured provider (the emulator of the end-to-end tests is the built-in one).
        page.WaitForAssertion(() => Assert.Equal("Generating with http://127.0.0.1:9/v1: takes are paid at that provider's prices.",
            page.Find("[data-running-backend] > span").TextContent.Trim()));
        Assert.Contains("saved changes take effect after a restart", page.Markup);
    }

    [Fact]
    public void SavingSaysThatARestartAppliesTheNewSettings()
    {
        var page = Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-running-backend]"));

        page.FindByLabelText("Base URL").Change("https://gw.example/v1");
        Button(page, "Save").Click();

        page.WaitForAssertion(() => Assert.Contains("Saved. Restart the studio to generate with these settings.", page.Markup));
        // Until then the running studio still uses what it started with.
        Assert.Contains("Generating with http://127.0.0.1:9/v1", page.Find("[data-running-backend]").TextContent);
    }
}
