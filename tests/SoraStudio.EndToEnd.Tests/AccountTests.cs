using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

public class AccountTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndBackAfterwards()
    {
        await Page.GotoAsync("/review");

        Assert.Contains("/account/login", Page.Url);
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(StudioTestHost.OwnerEmail);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(StudioTestHost.OwnerPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for my review" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" })).ToContainTextAsync(StudioTestHost.OwnerName);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync("nobody@studio.test");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong.");
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        await SignInAsync();
        await OpenAsync("/review");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/account/login"));
        await Page.GotoAsync("/review");

        Assert.Contains("/account/login", Page.Url);
    }

    [Fact]
    public async Task SetupIsClosedOnceTheOwnerExists()
    {
        await Page.GotoAsync("/setup");

        Assert.Contains("/account/login", Page.Url);
    }
}
