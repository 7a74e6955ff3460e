using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Accounts;

public class TokensPageTests : PageTestContext
{
    private ApiTokenService ActAsTester()
    {
        Services.GetRequiredService<CurrentUser>().Set(Host.Tester);
        return Services.GetRequiredService<ApiTokenService>();
    }

    [Fact]
    public void WithoutTokensItShowsAnEmptyState()
    {
        ActAsTester();

        var page = Render<TokensPage>();

        page.WaitForAssertion(() => Assert.Contains("No tokens yet", page.Find(".empty-state").TextContent));
        Assert.Equal("Create token", Button(page, "Create token").TextContent.Trim().Replace("key", "").Trim());
    }

    [Fact]
    public async Task ACreatedTokenIsShownOnceAndListedByItsPrefix()
    {
        var tokens = ActAsTester();
        var page = Render<TokensPage>();
        page.WaitForAssertion(() => page.Find(".empty-state"));

        page.FindByLabelText("Token name").Change("CI <b>pipeline</b>");
        page.Find("form.tokens-create").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".tokens-grid tbody tr")));
        var shown = page.FindByLabelText("New token").GetAttribute("value")!;
        Assert.StartsWith(ApiTokenService.TokenPrefix, shown, StringComparison.Ordinal);
        Assert.Contains($"Authorization: Bearer {shown}", page.Find(".tokens-example").TextContent);
        var stored = Assert.Single(await tokens.MineAsync());
        Assert.Equal("CI <b>pipeline</b>", stored.Name);
        Assert.Equal(ApiTokenService.Hash(shown), await StoredHashAsync(stored.Id));
        var row = page.Find(".tokens-grid tbody tr");
        // The name is text, the token only its prefix; it expires in 90 days by default.
        Assert.Contains("CI <b>pipeline</b>", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("b"));
        Assert.Contains($"{stored.Prefix}…", row.TextContent);
        Assert.DoesNotContain(shown, row.TextContent);
        Assert.Contains("Never used", row.TextContent);
        Assert.Contains("Active", row.TextContent);
        Assert.InRange(stored.ExpiresAt!.Value - stored.CreatedAt, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));

        // Dismissed, it is gone for good: the page never sees it again.
        Button(page, "I have copied it").Click();
        Assert.DoesNotContain(shown, page.Markup);
    }

    [Fact]
    public async Task ANamelessTokenIsRefusedWithAMessageAtTheField()
    {
        var tokens = ActAsTester();
        var page = Render<TokensPage>();
        page.WaitForAssertion(() => page.Find(".empty-state"));

        page.Find("form.tokens-create").Submit();

        page.WaitForAssertion(() => Assert.Contains("Give the token a name", page.Find(".tokens-error").TextContent));
        Assert.Empty(await tokens.MineAsync());
        Assert.Empty(page.FindAll(".tokens-new"));
    }

    private async Task<string> StoredHashAsync(long id)
    {
        await using var db = await Host.DbAsync();
        return db.ApiTokens.Single(t => t.Id == id).TokenHash;
    }
}
