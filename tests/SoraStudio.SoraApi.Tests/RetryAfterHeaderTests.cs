using System.Net;

namespace SoraStudio.SoraApi.Tests;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("retry-after-ms", "0.5", 0.5)]
    [InlineData("Retry-After", "2", 2000)]
    [InlineData("retry-after", "1.25", 1250)]
    [InlineData("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT", 30000)]
    [InlineData("Retry-After", "Wed, 21 Oct 2026 07:27:00 GMT", 0)]
    public void ReadsMillisecondsSecondsAndDates(string name, string value, double expectedMs)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(name, value);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfterHeader.Parse(response.Headers, Now));
    }

    [Theory]
    [InlineData("Retry-After", "soon")]
    [InlineData("Retry-After", "-3")]
    [InlineData("retry-after-ms", "NaN")]
    public void IgnoresWhatItCannotRead(string name, string value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(name, value);

        Assert.Null(RetryAfterHeader.Parse(response.Headers, Now));
    }

    [Fact]
    public void MillisecondsWinOverSeconds()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "30");
        response.Headers.TryAddWithoutValidation("retry-after-ms", "100");

        Assert.Equal(TimeSpan.FromMilliseconds(100), RetryAfterHeader.Parse(response.Headers, Now));
    }
}
