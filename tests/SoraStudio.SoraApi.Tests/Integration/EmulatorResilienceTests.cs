using System.Net;
using SoraStudio.Emulator;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>Retries and their limits, counted by the emulator's request log (waits are skipped by the test clock).</summary>
public sealed class EmulatorResilienceTests
{
    [Fact]
    public async Task ReadsAreRetriedOnServerErrorsThreeAttemptsInAll()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var video = await h.CreateCompletedAsync();
        h.Server.RequestLog.Reset();
        h.Server.Options.Faults.ServerErrorRate = 1;

        var get = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.GetVideoAsync(video.Id));
        await Assert.ThrowsAsync<VideosApiException>(() => h.Client.ListVideosAsync());
        await Assert.ThrowsAsync<VideosApiException>(() => h.Client.DownloadContentAsync(video.Id));
        await Assert.ThrowsAsync<VideosApiException>(() => h.Client.DeleteVideoAsync(video.Id));

        Assert.Equal(ApiErrorKind.Server, get.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, get.StatusCode);
        Assert.Equal("server_error", get.Type);
        Assert.Equal(
            new Dictionary<EmulatorOperation, int>
            {
                [EmulatorOperation.Get] = 3, [EmulatorOperation.List] = 3, [EmulatorOperation.Content] = 3, [EmulatorOperation.Delete] = 3,
            },
            h.Server.RequestLog.Counts());
    }

    [Fact]
    public async Task AReadRecoversWhenTheFaultsClear()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.ServerErrorRate = 0.5);

        for (var i = 0; i < 10; i++)
        {
            try
            {
                await h.Client.ListVideosAsync();
            }
            catch (VideosApiException e) when (e.Kind == ApiErrorKind.Server)
            {
                // Three 500s in a row happen with a 50 % rate; what matters is the counts below.
            }
        }

        var log = h.Server.RequestLog.Requests;
        Assert.Contains(log, r => r.StatusCode == 500);
        Assert.Contains(log, r => r.StatusCode == 200);
        Assert.Equal(h.Attempts.Count, log.Count);
        Assert.True(log.Count > 10, "some lists needed a retry");
    }

    [Fact]
    public async Task RateLimitsAreRetriedAfterTheServersRetryAfter()
    {
        await using var h = await EmulatorHarness.StartAsync(o => { o.Faults.RateLimitRate = 1; o.Faults.RetryAfterSeconds = 2; });

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.ListVideosAsync());

        Assert.Equal(ApiErrorKind.RateLimited, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
        Assert.Equal(3, h.Server.RequestLog.Count(EmulatorOperation.List));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], h.Time.Waits);
    }

    [Fact]
    public async Task ARetryAfterBeyondTheCapIsSurfacedWithoutRetrying()
    {
        await using var h = await EmulatorHarness.StartAsync(
            o => { o.Faults.RateLimitRate = 1; o.Faults.RetryAfterSeconds = 30; },
            o => o.MaxRetryAfter = TimeSpan.FromSeconds(10));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.GetVideoAsync("video_x"));

        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Get));
    }

    [Fact]
    public async Task ARateLimitedCreateIsRetriedBecauseNothingWasCreated()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.RateLimitRate = 1);

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p")));

        Assert.Equal(ApiErrorKind.RateLimited, e.Kind);
        Assert.Equal(3, h.Server.RequestLog.Count(EmulatorOperation.Create));
        Assert.Empty(h.Server.Jobs.List());
    }

    [Fact]
    public async Task ACreateAnsweredWithA500IsOutcomeUnknownAndSentOnce()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.ServerErrorRate = 1);

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p")));
        var remix = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.RemixVideoAsync("video_x", "p"));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.NotNull(e.RequestId);
        Assert.Equal(ApiErrorKind.OutcomeUnknown, remix.Kind);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Remix));
    }

    [Fact]
    public async Task ACreateSlowerThanTheClientTimeoutIsOutcomeUnknownAndSentOnce()
    {
        await using var h = await EmulatorHarness.StartAsync(
            o => { o.Faults.SlowResponseRate = 1; o.Faults.SlowResponseDelay = TimeSpan.FromSeconds(3); },
            o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p")));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Null(e.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Equal(1, h.Attempts.Count);
    }

    [Fact]
    public async Task AGetSlowerThanTheClientTimeoutIsRetried()
    {
        await using var h = await EmulatorHarness.StartAsync(
            o => { o.Faults.SlowResponseRate = 1; o.Faults.SlowResponseDelay = TimeSpan.FromSeconds(3); },
            o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.GetVideoAsync("video_x"));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Contains("timed out", e.Message);
        Assert.Equal(3, h.Attempts.Count);
    }

    [Fact]
    public async Task ACreateAgainstAStoppedEmulatorIsRetriedAsARefusedConnection()
    {
        var h = await EmulatorHarness.StartAsync();
        await h.Server.DisposeAsync();

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p")));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Equal(3, h.Attempts.Count);
        await h.DisposeAsync();
    }
}
