using Microsoft.Extensions.Options;
using SoraStudio.SoraApi;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Generation;

public sealed class VideosProviderTests
{
    [Theory]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1")]
    [InlineData("HTTPS://API.OpenAI.com:443/v1/", "https://api.openai.com/v1")]
    [InlineData(" http://gw.example:8080/proxy/v1?x=1 ", "http://gw.example:8080/proxy/v1")]
    public void AConfiguredEndpointIsKnownByItsNormalisedBaseUrl(string configured, string recorded)
    {
        var provider = new VideosProvider(new VideosBackend(InProcessEmulator: false), Options.Create(new VideosApiOptions { BaseUrl = configured, ApiKey = "sk-secret" }));

        Assert.Equal(recorded, provider.Current);
        Assert.DoesNotContain("sk-secret", provider.Current);
    }

    [Fact]
    public void TheBuiltInEmulatorIsOneProviderWhateverItsAddress()
    {
        var provider = new VideosProvider(new VideosBackend(InProcessEmulator: true), Options.Create(new VideosApiOptions { BaseUrl = "http://127.0.0.1:41234/v1" }));

        Assert.Equal(VideosProvider.BuiltInEmulator, provider.Current);
        Assert.Equal("the built-in emulator", VideosProvider.Describe(provider.Current));
    }

    [Fact]
    public void ATakeSubmittedBeforeProvidersWereRecordedBelongsToTheCurrentOne()
    {
        var provider = new VideosProvider(new VideosBackend(InProcessEmulator: false), Options.Create(new VideosApiOptions { BaseUrl = "https://gw.example/v1" }));

        Assert.True(provider.IsCurrent(null));
        Assert.True(provider.IsCurrent("https://gw.example/v1"));
        Assert.False(provider.IsCurrent(VideosProvider.BuiltInEmulator));
    }

    [Fact]
    public void TheReasonNamesBothProvidersInPlainWords()
    {
        Assert.Equal(
            "Submitted to https://gw.example/v1; this studio now uses the built-in emulator, which was asked nothing about it. " +
            "Switch back on Settings (and restart the studio) to resume it.",
            VideosProvider.ChangedMessage("https://gw.example/v1", VideosProvider.BuiltInEmulator));
    }
}
