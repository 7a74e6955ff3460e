namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed class OpenAccessWarningTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5180")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://192.168.1.20:5180")]
    public void WithoutAKeyOnAnAddressOthersCanReachTheEmulatorWarns(string address)
    {
        var warning = OpenAccessWarning.For(apiKey: null, ["http://127.0.0.1:5180", address]);

        Assert.NotNull(warning);
        Assert.Contains(address, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:5180", warning, StringComparison.Ordinal);
        Assert.Contains("Emulator:ApiKey", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5180")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void OnLoopbackOnlyItStaysQuiet(string address) =>
        Assert.Null(OpenAccessWarning.For(apiKey: null, [address]));

    [Fact]
    public void WithAKeyItStaysQuietAnywhere() =>
        Assert.Null(OpenAccessWarning.For(apiKey: "emulator-key", ["http://0.0.0.0:5180"]));
}
