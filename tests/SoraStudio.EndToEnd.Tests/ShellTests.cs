using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

public class ShellTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task HomePageBecomesInteractiveWithoutBrowserErrors()
    {
        await SignInAsync();
        await OpenAsync("/");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task UnknownAddressShowsTheNotFoundPage()
    {
        ExpectBrowserError("status of 404");
        await SignInAsync();

        var response = await Page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }
}
