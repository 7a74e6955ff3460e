using System.Net;

namespace SoraStudio.Web.Tests.Features.Accounts;

public sealed class SignInCookieTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task TheSignInCookieIsHttpOnlyLaxAndSecureWhereConfigured(string? secure, bool expectSecure)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder, o =>
        {
            if (secure is not null)
                o.Settings["Studio:Accounts:SecureCookies"] = secure;
        });
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(studio.BaseUrl) };

        using var response = await http.PostAsync($"/test/sign-in/{studio.Tester.UserId}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("studio.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Equal(expectSecure, cookie.Contains("secure"));
    }
}
