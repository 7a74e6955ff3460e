using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Settings;

namespace SoraStudio.Web.Tests.Features.Settings;

public sealed class StudioSettingsServiceTests
{
    [Fact]
    public async Task TheKeyIsStoredProtectedAndShownOnlyByItsEnding()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var settings = studio.Get<StudioSettingsService>();

        await settings.SaveAsync("sk-proj-0123456789abcd", "https://api.example.test/v1");

        var shown = await settings.GetAsync();
        Assert.Equal((true, "abcd", "https://api.example.test/v1"), (shown.ApiKeySet, shown.ApiKeyEnding, shown.BaseUrl));
        await using var db = await studio.DbAsync();
        var stored = db.Settings.Single(s => s.Key == StudioSettingsService.ApiKeySetting).Value;
        Assert.DoesNotContain("0123456789", stored);
        Assert.Equal("sk-proj-0123456789abcd", await settings.ReadApiKeyAsync());
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder.Path, "keys"), "key-*.xml").Any(), "the key ring lives in the data folder");
    }

    [Fact]
    public async Task AnEmptyKeyKeepsTheStoredOneAndClearingRemovesIt()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var settings = studio.Get<StudioSettingsService>();
        await settings.SaveAsync("sk-first-key-wxyz", null);

        await settings.SaveAsync("", "https://api.example.test/v1");
        var kept = await settings.GetAsync();
        await settings.ClearApiKeyAsync();
        var cleared = await settings.GetAsync();

        Assert.Equal("wxyz", kept.ApiKeyEnding);
        Assert.False(cleared.ApiKeySet);
        Assert.Equal("https://api.example.test/v1", cleared.BaseUrl);
    }

    [Theory]
    [InlineData("sk-ok-123456789", "ftp://api.example.test", "baseUrl")]
    [InlineData("sk-ok-123456789", "not a url", "baseUrl")]
    [InlineData("short", null, "apiKey")]
    [InlineData("has space inside key", null, "apiKey")]
    public async Task BadValuesAreRefused(string key, string? url, string field)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<StudioSettingsService>().SaveAsync(key, url));

        Assert.True(refusal.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task OnlyTheStudiosOwnerSeesOrChangesTheSettings()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var member = await studio.CreateUserAsync("Mia");
        await using var scope = studio.ScopeFor(member);

        var read = await Assert.ThrowsAsync<StudioException>(() => scope.Get<StudioSettingsService>().GetAsync());
        var write = await Assert.ThrowsAsync<StudioException>(() => scope.Get<StudioSettingsService>().SaveAsync("sk-stolen-12345", null));

        Assert.Equal(StudioErrorKind.Forbidden, read.Kind);
        Assert.Equal(StudioErrorKind.Forbidden, write.Kind);
    }
}

public sealed class StoredSettingsConfigurationTests
{
    [Fact]
    public async Task TheSavedSettingsAreLaidOverTheConfigurationAtTheNextStart()
    {
        using var folder = new TempFolder();
        await using (var studio = await OfflineStudio.StartAsync(folder))
            await studio.Get<StudioSettingsService>().SaveAsync("sk-saved-key-9876", "https://api.example.test/v1");
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        configuration["Studio:DataPath"] = folder.Path;
        configuration["Sora:ApiKey"] = "from-appsettings";

        configuration.AddStudioStoredSettings(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.Path });

        Assert.Equal("sk-saved-key-9876", configuration["Sora:ApiKey"]);
        Assert.Equal("https://api.example.test/v1", configuration["Sora:BaseUrl"]);
    }

    [Fact]
    public void AFirstRunWithoutADatabaseAddsNothing()
    {
        using var folder = new TempFolder();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        configuration["Studio:DataPath"] = folder.Path;

        configuration.AddStudioStoredSettings(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.Path });

        Assert.Null(configuration["Sora:ApiKey"]);
    }
}
