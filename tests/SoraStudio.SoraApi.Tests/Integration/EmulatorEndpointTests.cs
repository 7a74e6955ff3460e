using System.Buffers.Binary;
using SoraStudio.Emulator;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>Every endpoint of the client against the emulator over real HTTP.</summary>
public sealed class EmulatorEndpointTests
{
    [Fact]
    public async Task AVideoIsCreatedPolledDownloadedAndDeleted()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var created = await h.Client.CreateVideoAsync(new CreateVideoRequest("A lighthouse at dusk") { Size = "1280x720", Seconds = "4" });
        Assert.Equal(VideoStatus.Queued, created.Status);
        Assert.Equal("1280x720", created.Size);
        Assert.Equal(4, created.SecondsAsInt);
        Assert.Equal(VideoModel.Sora2, created.Model);
        Assert.StartsWith("video_", created.Id);

        var done = await h.WaitUntilDoneAsync(created.Id);
        Assert.Equal(VideoStatus.Completed, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal(done.CompletedAt + 3600, done.ExpiresAt);

        await using (var video = await h.Client.DownloadContentAsync(created.Id))
        {
            Assert.Equal("video/mp4", video.ContentType);
            var head = new byte[8];
            await video.Content.ReadExactlyAsync(head);
            Assert.Equal("ftyp"u8.ToArray(), head[4..8]);
        }

        var deleted = await h.Client.DeleteVideoAsync(created.Id);
        Assert.Equal(new DeletedVideo(created.Id, "video.deleted", true), deleted);
        var gone = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.GetVideoAsync(created.Id));
        Assert.Equal(ApiErrorKind.NotFound, gone.Kind);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Create));
    }

    [Fact]
    public async Task ACreateWithAReferenceImageIsAcceptedAsAMultipartFile()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var created = await h.Client.CreateVideoAsync(new CreateVideoRequest("The kite from the first frame flies off")
        {
            Model = VideoModel.Sora2Pro,
            Size = "1792x1024",
            Seconds = "8",
            InputReference = new ReferenceImageUpload(new MemoryStream(PngHeader(1792, 1024)), "frame.png", "image/png"),
        });

        Assert.Equal(VideoModel.Sora2Pro, created.Model);
        Assert.Equal("8", created.Seconds);
    }

    [Fact]
    public async Task AReferenceImageOfTheWrongSizeIsAnInvalidRequest()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var e = await Assert.ThrowsAsync<VideosApiException>(() => h.Client.CreateVideoAsync(new CreateVideoRequest("p")
        {
            Size = "1280x720",
            InputReference = new ReferenceImageUpload(new MemoryStream(PngHeader(640, 480)), "small.png", "image/png"),
        }));

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("input_reference", e.Param);
        Assert.Empty(h.Server.Jobs.List());
    }

    [Fact]
    public async Task ACreateWithAReferenceByUrlIsAcceptedAsJsonAndTheImageIsRead()
    {
        await using var h = await EmulatorHarness.StartAsync();
        static ImageInputReference DataUrl(int width, int height) =>
            ImageInputReference.FromUrl("data:image/png;base64," + Convert.ToBase64String(PngHeader(width, height)));

        var created = await h.Client.CreateVideoAsync(new CreateVideoRequest("The boat from the photo") { Size = "1280x720", ImageInputReference = DataUrl(1280, 720) });
        var e = await Assert.ThrowsAsync<VideosApiException>(
            () => h.Client.CreateVideoAsync(new CreateVideoRequest("p") { Size = "1280x720", ImageInputReference = DataUrl(640, 480) }));

        Assert.Equal("1280x720", created.Size);
        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal("input_reference", e.Param);
        Assert.Single(h.Server.Jobs.List());
    }

    [Fact]
    public async Task ARemixIsANewVideoThatPointsToItsSource()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var source = await h.CreateCompletedAsync();

        var remix = await h.Client.RemixVideoAsync(source.Id, "Same shot, at night");

        Assert.NotEqual(source.Id, remix.Id);
        Assert.Equal(source.Id, remix.RemixedFromVideoId);
        Assert.Equal("Same shot, at night", remix.Prompt);
        Assert.Equal(VideoStatus.Completed, (await h.WaitUntilDoneAsync(remix.Id)).Status);
    }

    [Fact]
    public async Task ListReturnsPagesInTheAskedOrder()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.CreateCompletedAsync("one");
        var second = await h.CreateCompletedAsync("two");
        var third = await h.CreateCompletedAsync("three");

        var page = await h.Client.ListVideosAsync(limit: 2, order: VideoOrder.Asc);
        var next = await h.Client.ListVideosAsync(limit: 2, order: VideoOrder.Asc, after: page.LastId);

        Assert.Equal([first.Id, second.Id], page.Data.Select(v => v.Id));
        Assert.True(page.HasMore);
        Assert.Equal([third.Id], next.Data.Select(v => v.Id));
        Assert.False(next.HasMore);
        Assert.Equal(third.Id, (await h.Client.ListVideosAsync(limit: 1)).FirstId);
    }

    [Fact]
    public async Task ListAllWalksMoreThanOnePage()
    {
        await using var h = await EmulatorHarness.StartAsync(o => { o.MaxRunningJobs = 1000; o.QueueDelayMs = 60_000; });
        var created = new List<string>();
        for (var i = 0; i < 130; i++)
        {
            created.Add((await h.Client.CreateVideoAsync(new CreateVideoRequest($"shot {i}"))).Id);
        }

        var listed = await h.Client.ListAllVideosAsync(VideoOrder.Asc).Select(v => v.Id).ToListAsync();

        Assert.Equal(created, listed);
        Assert.Equal(2, h.Server.RequestLog.Count(EmulatorOperation.List));
    }

    [Fact]
    public async Task ThumbnailAndSpritesheetVariantsDownload()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var video = await h.CreateCompletedAsync();

        await using var thumbnail = await h.Client.DownloadContentAsync(video.Id, VideoVariant.Thumbnail);
        await using var spritesheet = await h.Client.DownloadContentAsync(video.Id, VideoVariant.Spritesheet);

        Assert.Equal("image/webp", thumbnail.ContentType);
        Assert.Equal("image/jpeg", spritesheet.ContentType);
        Assert.True(thumbnail.Length > 0);
        Assert.Equal(0xFF, spritesheet.Content.ReadByte());
    }

    [Fact]
    public async Task AModeratedPromptEndsFailedWithModerationBlocked()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var created = await h.Client.CreateVideoAsync(new CreateVideoRequest("A scene [moderation-block]"));
        var done = await h.WaitUntilDoneAsync(created.Id);

        Assert.Equal(VideoStatus.Failed, done.Status);
        Assert.True(done.IsModerationBlocked);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Create));
    }

    /// <summary>The first 24 bytes of a PNG (signature and IHDR), which is all the emulator reads.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var png = new byte[33];
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)height);
        png[24] = 8;
        png[25] = 2;
        return png;
    }
}
