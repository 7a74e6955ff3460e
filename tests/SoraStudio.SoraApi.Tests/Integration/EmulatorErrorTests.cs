using System.Net;
using SoraStudio.Emulator;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>Each error class the emulator produces arrives as the right <see cref="ApiErrorKind"/>, with the envelope's details.</summary>
public sealed class EmulatorErrorTests
{
    [Fact]
    public async Task AWrongKeyIsAuthenticationAndNeverEchoed()
    {
        await using var h = await EmulatorHarness.StartAsync(client: o => o.ApiKey = "sk-wrong-key-abcdefghijkl");

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.ListVideosAsync());

        Assert.Equal(ApiErrorKind.Authentication, e.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("invalid_api_key", e.Code);
        Assert.NotNull(e.RequestId);
        Assert.DoesNotContain("sk-wrong-key-abcdefghijkl", e.ToString());
        Assert.Equal(1, h.Attempts.Count);
    }

    [Fact]
    public async Task AnUnknownVideoIsNotFoundForEveryEndpoint()
    {
        await using var h = await EmulatorHarness.StartAsync();
        const string id = "video_00000000000000000000000000000000000000000000dead";

        Task[] calls =
        [
            h.Client.GetVideoAsync(id), h.Client.DeleteVideoAsync(id), h.Client.DownloadContentAsync(id),
            h.Client.RemixVideoAsync(id, "again"),
        ];
        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<VideosApiException>(() => call);
            Assert.Equal(ApiErrorKind.NotFound, e.Kind);
            Assert.Equal("video_id", e.Param);
        }
        Assert.Equal(4, h.Attempts.Count);
    }

    [Fact]
    public async Task AnUnsupportedValueIsAnInvalidRequestNamingTheField()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p") { Seconds = "10" }));

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("seconds", e.Param);
        Assert.Equal("invalid_value", e.Code);
        Assert.Contains("Invalid value: '10'. Supported values are: '4', '8', '12', '16', and '20'.", e.Message);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Create));
    }

    [Fact]
    public async Task TheConcurrencyCapIsItsOwnKindAndNotRetried()
    {
        await using var h = await EmulatorHarness.StartAsync(o => { o.MaxRunningJobs = 1; o.QueueDelayMs = 60_000; });
        await h.Client.CreateVideoAsync(new CreateVideoRequest("first"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("second")));

        Assert.Equal(ApiErrorKind.ConcurrencyCap, e.Kind);
        Assert.Equal("video_generation_user_error", e.Type);
        Assert.Equal(2, h.Server.RequestLog.Count(EmulatorOperation.Create));
        Assert.Single(h.Server.Jobs.List());
    }

    [Fact]
    public async Task DownloadingBeforeCompletionOrDeletingWhileRunningAreInvalidRequests()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.QueueDelayMs = 60_000);
        var queued = await h.Client.CreateVideoAsync(new CreateVideoRequest("p"));

        var download = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.DownloadContentAsync(queued.Id));
        var delete = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.DeleteVideoAsync(queued.Id));
        var remix = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.RemixVideoAsync(queued.Id, "again"));

        Assert.Equal(ApiErrorKind.InvalidRequest, download.Kind);
        Assert.Equal("video_not_ready", download.Code);
        Assert.Equal(ApiErrorKind.InvalidRequest, delete.Kind);
        Assert.Equal(ApiErrorKind.InvalidRequest, remix.Kind);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Remix));
    }

    [Fact]
    public async Task ExpiredContentIsAnInvalidRequest()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.ExpirySeconds = 1);
        var video = await h.CreateCompletedAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.1));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.DownloadContentAsync(video.Id));

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("video_expired", e.Code);
    }
}
