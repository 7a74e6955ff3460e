using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Generation;

public sealed class SelfAddressTests
{
    [Theory]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://+:80", "http://localhost/")]
    [InlineData("http://*:5001", "http://localhost:5001/")]
    public void WildcardBindingsAreReachedOverLoopback(string address, string expected)
    {
        Assert.Equal(new Uri(expected), SelfAddress.Pick([address]));
    }

    [Fact]
    public void PlainHttpIsPreferredOverHttps()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), SelfAddress.Pick(["https://127.0.0.1:5001", "http://127.0.0.1:5000"]));
        Assert.Null(SelfAddress.Pick([]));
    }
}
