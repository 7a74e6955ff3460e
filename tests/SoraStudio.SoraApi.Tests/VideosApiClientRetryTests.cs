using System.Net;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

/// <summary>Reads and deletes: which failures are retried, how often, and how long the client waits.</summary>
public sealed class VideosApiClientRetryTests
{
    private readonly InstantTimeProvider _time = new();

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task GetRetriesTransientStatusesThenSucceeds(HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Then(status, ApiJson.Error("busy", "server_error")).Then(status).Then(HttpStatusCode.OK, ApiJson.Video());

        var video = await TestClient.Create(handler, _time).GetVideoAsync("video_1");

        Assert.Equal("video_1", video.Id);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task GetGivesUpAfterMaxRetriesWithTheLastError()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).GetVideoAsync("video_1"));

        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task MaxRetriesSetsTheNumberOfRetries()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<VideosApiException>(
            () => TestClient.Create(handler, _time, o => o.MaxRetries = 4).ListVideosAsync());
        Assert.Equal(5, handler.Count);

        var once = new FakeHttpHandler().Always(HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(once, _time, o => o.MaxRetries = 0).ListVideosAsync());
        Assert.Equal(1, once.Count);
    }

    [Fact]
    public async Task BackoffDoublesFromBaseDelayWithJitterBetween75And100Percent()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<VideosApiException>(
            () => TestClient.Create(handler, _time, o => o.MaxRetries = 6).GetVideoAsync("video_1"));

        var waits = _time.Waits.Select(w => w.TotalSeconds).ToArray();
        double[] nominal = [0.5, 1, 2, 4, 8, 8];
        Assert.Equal(nominal.Length, waits.Length);
        for (var i = 0; i < nominal.Length; i++)
        {
            Assert.InRange(waits[i], nominal[i] * 0.75, nominal[i]);
        }
    }

    [Fact]
    public async Task NetworkFaultsAndTimeoutsAreRetriedForReads()
    {
        var handler = new FakeHttpHandler()
            .ThenThrow(FakeHttpHandler.ConnectionReset())
            .Then(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(10), ct); return new HttpResponseMessage(); })
            .Then(HttpStatusCode.OK, ApiJson.Video());

        var video = await TestClient.Create(handler, _time, o => o.Timeout = TimeSpan.FromMilliseconds(200)).GetVideoAsync("video_1");

        Assert.Equal("video_1", video.Id);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task ReadsGiveUpWithNetworkKindWhenFaultsPersist()
    {
        var handler = new FakeHttpHandler().AlwaysThrow(FakeHttpHandler.ConnectionReset());

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).GetVideoAsync("video_1"));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task RetryAfterMsIsHonouredExactly()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached for requests", "requests", "rate_limit_exceeded"), ("retry-after-ms", "1250"), ("Retry-After", "9"))
            .Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler, _time).GetVideoAsync("video_1");

        Assert.Equal([TimeSpan.FromMilliseconds(1250)], _time.Waits);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("Wed, 21 Oct 2026 07:28:07 GMT", 7.0)]
    public async Task RetryAfterInSecondsOrAsAnHttpDateIsHonoured(string header, double expectedSeconds)
    {
        var time = new InstantTimeProvider(new DateTimeOffset(2026, 10, 21, 7, 28, 0, TimeSpan.Zero));
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached for requests", "requests"), ("Retry-After", header))
            .Then(HttpStatusCode.OK, ApiJson.Page([], hasMore: false));

        await TestClient.Create(handler, time).ListVideosAsync();

        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], time.Waits);
    }

    [Fact]
    public async Task RetryAfterBeyondTheCapIsNotRetriedButSurfaced()
    {
        var handler = new FakeHttpHandler()
            .Always(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached for requests", "requests"), ("Retry-After", "61"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).GetVideoAsync("video_1"));

        Assert.Equal(ApiErrorKind.RateLimited, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(61), e.RetryAfter);
        Assert.Equal(1, handler.Count);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task TheRetryAfterCapIsConfigurable()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached", "requests"), ("Retry-After", "90"))
            .Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler, _time, o => o.MaxRetryAfter = TimeSpan.FromMinutes(2)).GetVideoAsync("video_1");

        Assert.Equal([TimeSpan.FromSeconds(90)], _time.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too many running tasks", "video_generation_user_error", null)]
    [InlineData(HttpStatusCode.BadRequest, "Invalid value: '10'. Supported values are: '4', '8', and '12'.", "invalid_request_error", "invalid_value")]
    [InlineData(HttpStatusCode.Unauthorized, "Incorrect API key provided", "invalid_request_error", "invalid_api_key")]
    [InlineData(HttpStatusCode.Forbidden, "Your organization must be verified", "invalid_request_error", null)]
    [InlineData(HttpStatusCode.NotFound, "Video not found", "invalid_request_error", null)]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Unprocessable", "invalid_request_error", null)]
    public async Task DefinitiveFailuresAreNotRetried(HttpStatusCode status, string message, string type, string? code)
    {
        var handler = new FakeHttpHandler().Always(status, ApiJson.Error(message, type, code), ("Retry-After", "1"));

        await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).GetVideoAsync("video_1"));

        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task DeleteRetriesServerErrors()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.InternalServerError)
            .Then(HttpStatusCode.OK, """{"id":"video_1","object":"video.deleted","deleted":true}""");

        var deleted = await TestClient.Create(handler, _time).DeleteVideoAsync("video_1");

        Assert.True(deleted.Deleted);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task DownloadRetriesUntilItHasTheResponseHeaders()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .ThenThrow(FakeHttpHandler.ConnectionReset())
            .Then((_, _) => Task.FromResult(new HttpResponseMessage { Content = new ByteArrayContent([1, 2, 3]) }));

        await using var content = await TestClient.Create(handler, _time).DownloadContentAsync("video_1");

        Assert.Equal(3, handler.Count);
        Assert.Equal(3, content.Length);
    }

    [Fact]
    public async Task CallerCancellationIsNotRetriedAndStaysACancellation()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new FakeHttpHandler().Then(async (_, ct) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestClient.Create(handler, _time).GetVideoAsync("video_1", cancel.Token));
        Assert.Equal(1, handler.Count);
    }
}
