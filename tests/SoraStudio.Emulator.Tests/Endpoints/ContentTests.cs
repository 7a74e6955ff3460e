using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed class ContentTests
{
    [Fact]
    public async Task ContentIsRefusedUntilTheVideoIsCompleted()
    {
        await using var server = await EmulatorServer.StartAsync(o => o.RenderSecondsPerVideoSecond = 1000);
        using var api = new EmulatorApi(server);
        var id = Str(await api.CreateAsync(), "id");

        foreach (var variant in new[] { "video", "thumbnail", "spritesheet" })
        {
            using var response = await api.Http.GetAsync($"videos/{id}/content?variant={variant}");
            var error = await ReadErrorAsync(response, 400);
            Assert.Equal("video_not_ready", Str(error, "code"));
            Assert.Contains("is not ready yet", Str(error, "message"));
        }
    }

    [Fact]
    public async Task ContentIsRefusedAfterExpiry()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await EmulatorServer.StartAsync(
            o =>
            {
                EmulatorApi.Fast(o);
                o.ExpirySeconds = 60;
            },
            services => services.AddSingleton<TimeProvider>(clock));
        using var api = new EmulatorApi(server);
        var video = await api.CreateCompletedAsync();
        var id = Str(video, "id");
        Assert.Equal(video.GetProperty("completed_at").GetInt64() + 60, video.GetProperty("expires_at").GetInt64());

        using (var before = await api.Http.GetAsync($"videos/{id}/content"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        clock.Advance(TimeSpan.FromSeconds(61));
        using var after = await api.Http.GetAsync($"videos/{id}/content");
        using var thumbnail = await api.Http.GetAsync($"videos/{id}/content?variant=thumbnail");

        Assert.Equal("video_expired", Str(await ReadErrorAsync(after, 400), "code"));
        Assert.Equal("video_expired", Str(await ReadErrorAsync(thumbnail, 400), "code"));
        Assert.Equal("completed", Str(await api.GetAsync(id!), "status"));
    }

    [Fact]
    public async Task ContentIsRefusedAfterDeletion()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");
        (await api.Http.DeleteAsync($"videos/{id}")).Dispose();

        using var response = await api.Http.GetAsync($"videos/{id}/content");

        Assert.Equal($"Video with id '{id}' was deleted.", Str(await ReadErrorAsync(response, 404), "message"));
    }

    [Fact]
    public async Task EachVariantHasItsContentType()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");

        using var video = await api.Http.GetAsync($"videos/{id}/content");
        using var thumbnail = await api.Http.GetAsync($"videos/{id}/content?variant=thumbnail");
        using var spritesheet = await api.Http.GetAsync($"videos/{id}/content?variant=spritesheet");

        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/jpeg", spritesheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ftyp"u8.ToArray(), (await video.Content.ReadAsByteArrayAsync())[4..8]);
        Assert.Equal("RIFF"u8.ToArray(), (await thumbnail.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, (await spritesheet.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task AnUnknownVariantIsRejected()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");

        using var response = await api.Http.GetAsync($"videos/{id}/content?variant=poster");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid value: 'poster'. Supported values are: 'video', 'thumbnail', and 'spritesheet'.", Str(error, "message"));
        Assert.Equal("variant", Str(error, "param"));
    }

    [Fact]
    public async Task RangeRequestsReturnPartialContent()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");
        var whole = await api.Http.GetByteArrayAsync($"videos/{id}/content");

        using var first = new HttpRequestMessage(HttpMethod.Get, $"videos/{id}/content");
        first.Headers.Range = new RangeHeaderValue(0, 99);
        using var head = await api.Http.SendAsync(first);
        using var last = new HttpRequestMessage(HttpMethod.Get, $"videos/{id}/content");
        last.Headers.Range = new RangeHeaderValue(100, null);
        using var tail = await api.Http.SendAsync(last);
        using var bad = new HttpRequestMessage(HttpMethod.Get, $"videos/{id}/content");
        bad.Headers.Range = new RangeHeaderValue(whole.Length + 10, null);
        using var unsatisfiable = await api.Http.SendAsync(bad);

        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal($"bytes 0-99/{whole.Length}", head.Content.Headers.ContentRange?.ToString());
        Assert.Equal(whole[..100], await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(whole[100..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Contains("bytes", head.Headers.AcceptRanges);
    }

    [Fact]
    public async Task HeadAnnouncesTheClipWithoutABody()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");
        var whole = await api.Http.GetByteArrayAsync($"videos/{id}/content");

        using var response = await api.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"videos/{id}/content"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFailedVideoHasNoContent()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var created = await api.CreateAsync("a scene [moderation-block]");
        var id = Str(created, "id");
        await api.WaitAsync(id!);

        using var response = await api.Http.GetAsync($"videos/{id}/content");

        Assert.Equal("video_failed", Str(await ReadErrorAsync(response, 400), "code"));
    }
}
