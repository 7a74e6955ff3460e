using System.Net;
using System.Net.Sockets;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

/// <summary>
/// Create and remix are paid and carry no idempotency key: retried only where the failure proves nothing was
/// created, otherwise reported as <see cref="ApiErrorKind.OutcomeUnknown"/>.
/// </summary>
public sealed class VideosApiClientPaidCallTests
{
    private readonly InstantTimeProvider _time = new();

    private static CreateVideoRequest Request() => new("A lighthouse at dusk") { Model = "sora-2", Size = "1280x720", Seconds = "8" };

    [Fact]
    public async Task CreateRetriesARateLimited429AndSendsTheSameBodyAgain()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached for requests", "requests", "rate_limit_exceeded"), ("Retry-After", "2"))
            .Then(HttpStatusCode.OK, ApiJson.Video());
        var image = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);

        var video = await TestClient.Create(handler, _time).CreateVideoAsync(Request() with
        {
            InputReference = new ReferenceImageUpload(image, "first.png", "image/png"),
        });

        Assert.Equal("video_1", video.Id);
        var sent = handler.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal(BodyWithoutBoundary(sent[0]), BodyWithoutBoundary(sent[1]));
        Assert.Contains("first.png", sent[1].BodyText);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.Waits);
    }

    [Fact]
    public async Task CreateRetriesARefusedConnection()
    {
        var handler = new FakeHttpHandler().ThenThrow(FakeHttpHandler.ConnectionRefused()).Then(HttpStatusCode.OK, ApiJson.Video());

        var video = await TestClient.Create(handler, _time).CreateVideoAsync(Request());

        Assert.Equal("video_1", video.Id);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task CreateAgainstAClosedPortIsRetriedAndEndsAsNetworkNotOutcomeUnknown()
    {
        var port = ClosedPort();
        var counter = new CountingHandler(new SocketsHttpHandler());
        var client = TestClient.Create(counter, _time, o => o.BaseUrl = $"http://127.0.0.1:{port}/v1");

        var e = await Assert.ThrowsAsync<VideosApiException>(() => client.CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.True(VideosApiErrors.IsConnectionRefused(e.InnerException));
        Assert.Equal(3, counter.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task CreateFailingWithAServerStatusIsOutcomeUnknownAndNotRetried(HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Always(status, ApiJson.Error("The server had an error", "server_error"), ("x-request-id", "req_42"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal("req_42", e.RequestId);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task CreateWhoseConnectionIsResetIsOutcomeUnknownWithTheFaultInside()
    {
        var reset = FakeHttpHandler.ConnectionReset();
        var handler = new FakeHttpHandler().AlwaysThrow(reset);

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Same(reset, e.InnerException);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task CreateThatTimesOutIsOutcomeUnknown()
    {
        var handler = new FakeHttpHandler().Then(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return new HttpResponseMessage();
        });

        var e = await Assert.ThrowsAsync<VideosApiException>(
            () => TestClient.Create(handler, _time, o => o.Timeout = TimeSpan.FromMilliseconds(150)).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Contains("timed out", e.Message);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task CreateWhose200BodyIsCutOffOrUnreadableIsOutcomeUnknown()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, """{"id":"video_1","obj""");

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota", ApiErrorKind.QuotaExceeded)]
    [InlineData("Too many running tasks", "video_generation_user_error", null, ApiErrorKind.ConcurrencyCap)]
    public async Task CreateIsNeverRetriedOnQuotaOrTheConcurrencyCap(string message, string type, string? code, ApiErrorKind kind)
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.TooManyRequests, ApiJson.Error(message, type, code), ("Retry-After", "1"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(kind, e.Kind);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task CreateRejectedByModerationIsAnInvalidRequestAndNotRetried()
    {
        var handler = new FakeHttpHandler().Always(
            HttpStatusCode.BadRequest, ApiJson.Error("Your request was blocked by our moderation system.", "invalid_request_error", "moderation_blocked"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("moderation_blocked", e.Code);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task RemixFollowsTheSameRules()
    {
        var refusedThenOk = new FakeHttpHandler().ThenThrow(FakeHttpHandler.ConnectionRefused()).Then(HttpStatusCode.OK, ApiJson.Video("video_2", remixedFrom: "video_1"));
        var remix = await TestClient.Create(refusedThenOk, _time).RemixVideoAsync("video_1", "Make it night");
        Assert.Equal("video_1", remix.RemixedFromVideoId);
        Assert.Equal(2, refusedThenOk.Count);

        var failing = new FakeHttpHandler().Always(HttpStatusCode.BadGateway);
        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(failing, _time).RemixVideoAsync("video_1", "Make it night"));
        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(1, failing.Count);
    }

    [Fact]
    public async Task CreateRateLimitedBeyondTheRetryAfterCapSurfacesTheWait()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached", "requests"), ("retry-after-ms", "120000"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler, _time).CreateVideoAsync(Request()));

        Assert.Equal(ApiErrorKind.RateLimited, e.Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), e.RetryAfter);
        Assert.Equal(1, handler.Count);
    }

    private static string BodyWithoutBoundary(RecordedRequest request)
    {
        var boundary = request.ContentType!.Split("boundary=")[1].Trim('"');
        return request.BodyText.Replace(boundary, "B");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;
        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Edits, extensions and character creation follow the same rules as create: paid, never retried blindly.</summary>
public sealed class VideosApiClientNewPaidCallTests
{
    private readonly InstantTimeProvider _time = new();

    public static TheoryData<string> Operations() => ["edit", "extend", "character"];

    private static Task Call(IVideosApi client, string operation) => operation switch
    {
        "edit" => client.EditVideoAsync(new EditVideoRequest("Make it rain") { VideoId = "video_1" }),
        "extend" => client.ExtendVideoAsync(new ExtendVideoRequest("more", "8") { VideoId = "video_1" }),
        _ => client.CreateCharacterAsync(new CreateCharacterRequest("Mia", new VideoUpload(new MemoryStream([1, 2, 3]), "mia.mp4"))),
    };

    private static string Ok(string operation) => operation == "character" ? """{"id":"char_1","name":"Mia","created_at":1}""" : ApiJson.Video("video_2");

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task AServerErrorIsOutcomeUnknownAndNotRetried(string operation)
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.InternalServerError, ApiJson.Error("The server had an error", "server_error"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => Call(TestClient.Create(handler, _time), operation));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task AConnectionResetIsOutcomeUnknownAndNotRetried(string operation)
    {
        var handler = new FakeHttpHandler().AlwaysThrow(FakeHttpHandler.ConnectionReset());

        var e = await Assert.ThrowsAsync<VideosApiException>(() => Call(TestClient.Create(handler, _time), operation));

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ARateLimitOrARefusedConnectionProvesNothingWasCreatedAndIsRetriedWithTheSameBody(string operation)
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, ApiJson.Error("Rate limit reached for requests", "requests", "rate_limit_exceeded"), ("Retry-After", "1"))
            .ThenThrow(FakeHttpHandler.ConnectionRefused())
            .Then(HttpStatusCode.OK, Ok(operation));

        await Call(TestClient.Create(handler, _time), operation);

        var sent = handler.Requests.ToArray();
        Assert.Equal(3, sent.Length);
        Assert.Equal(sent[0].Body.Length, sent[2].Body.Length);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ARefusalIsAnInvalidRequestNotOutcomeUnknown(string operation)
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.BadRequest, ApiJson.Error("Invalid 'video'", code: "invalid_value", param: "video"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => Call(TestClient.Create(handler, _time), operation));

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("video", e.Param);
    }
}
