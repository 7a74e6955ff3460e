using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

/// <summary>Downloads stream, release their connection, follow redirects without leaking credentials, and fail clearly.</summary>
public sealed class VideosApiClientDownloadTests
{
    [Fact]
    public async Task DownloadReturnsBeforeTheBodyHasArrived()
    {
        var pipe = new Pipe();
        var handler = new FakeHttpHandler().Then((_, _) => Task.FromResult(Mp4(new StreamContent(pipe.Reader.AsStream()), length: null)));
        await pipe.Writer.WriteAsync(new byte[] { 1, 2, 3 });

        await using var content = await TestClient.Create(handler).DownloadContentAsync("video_1", VideoVariant.Video);

        Assert.Equal("video/mp4", content.ContentType);
        var first = new byte[3];
        await content.Content.ReadExactlyAsync(first);
        Assert.Equal([1, 2, 3], first);
        await pipe.Writer.WriteAsync(new byte[] { 4 });
        await pipe.Writer.CompleteAsync();
        var rest = new MemoryStream();
        await content.Content.CopyToAsync(rest);
        Assert.Equal([4], rest.ToArray());
        Assert.Equal("https://api.test/v1/videos/video_1/content?variant=video", Assert.Single(handler.Requests).Uri.ToString());
    }

    [Fact]
    public async Task DisposingTheContentReleasesTheResponse()
    {
        var body = new TrackingStream(new byte[1024]);
        var handler = new FakeHttpHandler().Then((_, _) => Task.FromResult(Mp4(new StreamContent(body), length: 1024)));

        var content = await TestClient.Create(handler).DownloadContentAsync("video_1", VideoVariant.Thumbnail);
        Assert.Equal(1024, content.Length);
        Assert.False(body.Disposed);
        await content.DisposeAsync();

        Assert.True(body.Disposed);
        Assert.Contains("variant=thumbnail", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task ARedirectWithinTheApiKeepsTheCredentials()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.Found, null, ("Location", "/v1/files/abc?sig=1"))
            .Then((_, _) => Task.FromResult(Mp4(new ByteArrayContent([9]), 1)));

        await using var content = await TestClient.Create(handler, configure: o => o.Project = "proj_1").DownloadContentAsync("video_1");

        var hop = handler.Requests.ToArray()[1];
        Assert.Equal("https://api.test/v1/files/abc?sig=1", hop.Uri.ToString());
        Assert.Equal($"Bearer {TestClient.ApiKey}", hop.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("https://cdn.example.net/clip.mp4?sig=xyz")]
    [InlineData("http://api.test/v1/files/abc")]
    [InlineData("https://api.test:8443/v1/files/abc")]
    public async Task ARedirectToAnotherOriginDropsTheCredentials(string location)
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.TemporaryRedirect, null, ("Location", location))
            .Then((_, _) => Task.FromResult(Mp4(new ByteArrayContent([9]), 1)));

        await using var content = await TestClient.Create(handler, configure: o => { o.Organization = "org_1"; o.Project = "proj_1"; })
            .DownloadContentAsync("video_1");

        var hop = handler.Requests.ToArray()[1];
        Assert.Equal(location, hop.Uri.ToString());
        Assert.False(hop.Headers.ContainsKey("Authorization"));
        Assert.False(hop.Headers.ContainsKey("OpenAI-Organization"));
        Assert.False(hop.Headers.ContainsKey("OpenAI-Project"));
        Assert.Equal(9, content.Content.ReadByte());
    }

    [Fact]
    public async Task ARangeIsAskedForAndThePartDescribed()
    {
        var handler = new FakeHttpHandler().Then((_, _) =>
        {
            var part = Mp4(new ByteArrayContent([5, 6, 7]), 3);
            part.StatusCode = HttpStatusCode.PartialContent;
            part.Content.Headers.ContentRange = new ContentRangeHeaderValue(100, 102, 1000);
            return Task.FromResult(part);
        });

        await using var content = await TestClient.Create(handler).DownloadContentAsync("video_1", VideoVariant.Video, new ByteRange(100, 102));

        Assert.Equal("bytes=100-102", Assert.Single(handler.Requests).Headers["Range"]);
        Assert.Equal(3, content.Length);
        Assert.Equal(100, content.Range?.From);
        Assert.Equal(1000, content.Range?.Length);
    }

    [Fact]
    public async Task ARangeFollowsARedirectThatDropsTheCredentials()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.Found, null, ("Location", "https://cdn.example.net/clip.mp4"))
            .Then((_, _) => Task.FromResult(Mp4(new ByteArrayContent([9]), 1)));

        await using var content = await TestClient.Create(handler).DownloadContentAsync("video_1", VideoVariant.Video, new ByteRange(500));

        var hop = handler.Requests.ToArray()[1];
        Assert.Equal("bytes=500-", hop.Headers["Range"]);
        Assert.False(hop.Headers.ContainsKey("Authorization"));
        Assert.Null(content.Range);
    }

    [Theory]
    [InlineData(-1L, null)]
    [InlineData(10L, 9L)]
    public void ARangeThatCannotBeIsRefused(long from, long? to)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(from, to));
    }

    [Fact]
    public async Task EndlessRedirectsFail()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.Found, null, ("Location", "/v1/again"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler).DownloadContentAsync("video_1"));

        Assert.Equal(HttpStatusCode.Found, e.StatusCode);
        Assert.Equal(6, handler.Count);
    }

    [Fact]
    public async Task ABodyThatBreaksOffIsANetworkError()
    {
        var handler = new FakeHttpHandler().Then((_, _) => Task.FromResult(Mp4(new StreamContent(new BreakingStream(100)), 1000)));

        await using var content = await TestClient.Create(handler).DownloadContentAsync("video_1");
        var e = await Assert.ThrowsAsync<VideosApiException>(() => content.Content.CopyToAsync(Stream.Null));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Contains("after 100 bytes", e.Message);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public async Task ABodySlowerThanTheDownloadTimeoutIsANetworkError()
    {
        var pipe = new Pipe();
        var handler = new FakeHttpHandler().Then((_, _) => Task.FromResult(Mp4(new StreamContent(pipe.Reader.AsStream()), null)));
        await pipe.Writer.WriteAsync(new byte[] { 1 });

        await using var content = await TestClient.Create(handler, configure: o => o.DownloadTimeout = TimeSpan.FromMilliseconds(200))
            .DownloadContentAsync("video_1");
        var e = await Assert.ThrowsAsync<VideosApiException>(() => content.Content.CopyToAsync(Stream.Null));

        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Contains("download timeout", e.Message);
    }

    [Fact]
    public async Task CancellingAReadIsACancellation()
    {
        var pipe = new Pipe();
        var handler = new FakeHttpHandler().Then((_, _) => Task.FromResult(Mp4(new StreamContent(pipe.Reader.AsStream()), null)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await using var content = await TestClient.Create(handler).DownloadContentAsync("video_1");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => content.Content.CopyToAsync(Stream.Null, cancel.Token));
    }

    [Fact]
    public async Task AMissingVideoIsNotFound()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.NotFound, ApiJson.Error("Video not found", "invalid_request_error"));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => TestClient.Create(handler).DownloadContentAsync("video_x"));

        Assert.Equal(ApiErrorKind.NotFound, e.Kind);
    }

    private static HttpResponseMessage Mp4(HttpContent content, long? length)
    {
        content.Headers.ContentType = new("video/mp4");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class TrackingStream(byte[] data) : MemoryStream(data)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Gives <paramref name="bytes"/> bytes, then fails as a dropped connection does.</summary>
    private sealed class BreakingStream(int bytes) : Stream
    {
        private int _left = bytes;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0)
            {
                throw new IOException("The response ended prematurely.");
            }
            var n = Math.Min(count, _left);
            _left -= n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
