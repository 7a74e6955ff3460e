using System.Globalization;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Media;

/// <summary>ffprobe checks of what the emulator serves. These need ffprobe and fail with a clear message without it.</summary>
public sealed class RenderedMediaTests
{
    [Theory]
    [InlineData("1280x720", "12", 1280, 720)]
    [InlineData("720x1280", "4", 720, 1280)]
    [InlineData("1792x1024", "8", 1792, 1024)]
    public async Task TheClipHasTheRequestedSizeDurationAndBothStreams(string size, string seconds, int width, int height)
    {
        var (server, api) = await StartAsync(o => o.Media.UseFfmpeg = true);
        await using var _ = server;
        using var __ = api;
        using var created = await api.PostJsonAsync("videos",
            $$"""{"prompt":"A lighthouse on a cliff at dusk, waves crashing below","model":"sora-2-pro","size":"{{size}}","seconds":"{{seconds}}"}""");
        var id = Str(await ReadOkAsync(created), "id")!;
        Assert.Equal("completed", Str(await api.WaitAsync(id), "status"));

        var probe = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content"), "mp4");

        var video = Assert.Single(probe.Streams, s => s.CodecType == "video");
        Assert.Equal("h264", video.CodecName);
        Assert.Equal((width, height), (video.Width, video.Height));
        Assert.Equal("aac", Assert.Single(probe.Streams, s => s.CodecType == "audio").CodecName);
        Assert.InRange(probe.Duration, int.Parse(seconds, CultureInfo.InvariantCulture) - 0.1, int.Parse(seconds, CultureInfo.InvariantCulture) + 0.1);
    }

    [Fact]
    public async Task AnExtensionIsTheSourceFollowedByTheAddedSecondsInOneClip()
    {
        var (server, api) = await StartAsync(o => o.Media.UseFfmpeg = true);
        await using var _ = server;
        using var __ = api;
        var source = Str(await api.CreateCompletedAsync(size: "1280x720", seconds: "4"), "id");

        using var created = await api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{source}}"},"prompt":"The kite climbs","seconds":"4"}""");
        var id = Str(await ReadOkAsync(created), "id")!;
        var done = await api.WaitAsync(id);
        var probe = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content"), "mp4");

        Assert.Equal(("completed", "8"), (Str(done, "status"), Str(done, "seconds")));
        var video = Assert.Single(probe.Streams, s => s.CodecType == "video");
        Assert.Equal(("h264", 1280, 720), (video.CodecName, video.Width, video.Height));
        Assert.Equal("aac", Assert.Single(probe.Streams, s => s.CodecType == "audio").CodecName);
        Assert.InRange(probe.Duration, 7.9, 8.15);
    }

    [Fact]
    public async Task ThumbnailAndSpritesheetDecode()
    {
        var (server, api) = await StartAsync(o => o.Media.UseFfmpeg = true);
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(size: "1280x720"), "id");

        var thumbnail = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content?variant=thumbnail"), "webp");
        var spritesheet = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content?variant=spritesheet"), "jpg");

        var thumb = Assert.Single(thumbnail.Streams);
        Assert.Equal("webp", thumb.CodecName);
        Assert.Equal((1280, 720), (thumb.Width, thumb.Height));
        var sheet = Assert.Single(spritesheet.Streams);
        Assert.Equal("mjpeg", sheet.CodecName);
        Assert.Equal(4 * 256, sheet.Width); // 4 columns of 256 px tiles
    }

    [Theory]
    [InlineData("1792x1024", "12", 1792, 1024)]
    [InlineData("720x1280", "8", 720, 1280)]
    public async Task WithoutFfmpegTheSampleClipOfTheRightSizeAndDurationIsServed(string size, string seconds, int width, int height)
    {
        var (server, api) = await StartAsync(o => o.Media.UseFfmpeg = false);
        await using var _ = server;
        using var __ = api;
        using var created = await api.PostJsonAsync("videos", $$"""{"prompt":"p","model":"sora-2-pro","size":"{{size}}","seconds":"{{seconds}}"}""");
        var id = Str(await ReadOkAsync(created), "id")!;
        Assert.Equal("completed", Str(await api.WaitAsync(id), "status"));

        var probe = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content"), "mp4");
        var thumbnail = await Ffprobe.ProbeBytesAsync(await api.Http.GetByteArrayAsync($"videos/{id}/content?variant=thumbnail"), "webp");

        var video = Assert.Single(probe.Streams, s => s.CodecType == "video");
        Assert.Equal((width, height), (video.Width, video.Height));
        Assert.Single(probe.Streams, s => s.CodecType == "audio");
        Assert.InRange(probe.Duration, int.Parse(seconds, CultureInfo.InvariantCulture) - 0.1, int.Parse(seconds, CultureInfo.InvariantCulture) + 0.1);
        Assert.Equal((width, height), (thumbnail.Streams[0].Width, thumbnail.Streams[0].Height));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WhenFfmpegIsMissingOrFailsTheJobStillCompletesWithASampleClip(bool ffmpegFailsWhileRendering)
    {
        using var folder = new TempFolder();
        var ffmpegPath = "/nonexistent/bin/ffmpeg";
        if (ffmpegFailsWhileRendering)
        {
            // Answers the capability probe like the real ffmpeg, then fails every render.
            Directory.CreateDirectory(folder.Path);
            ffmpegPath = Path.Combine(folder.Path, "failing-ffmpeg");
            await File.WriteAllTextAsync(ffmpegPath,
                "#!/bin/sh\ncase \"$2\" in -encoders|-filters) exec ffmpeg \"$@\";; esac\necho 'simulated render failure' >&2\nexit 1\n");
            Assert.False(OperatingSystem.IsWindows(), "this test fakes ffmpeg with a shell script");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(ffmpegPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var (server, api) = await StartAsync(o =>
        {
            o.Media.UseFfmpeg = true;
            o.Media.FfmpegPath = ffmpegPath;
        });
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(size: "1280x720", seconds: "4"), "id");

        var clip = await api.Http.GetByteArrayAsync($"videos/{id}/content");
        var probe = await Ffprobe.ProbeBytesAsync(clip, "mp4");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "wwwroot-assets", "samples", "sample-1280x720-4s.mp4")), clip);
        var video = Assert.Single(probe.Streams, s => s.CodecType == "video");
        Assert.Equal((1280, 720), (video.Width, video.Height));
        Assert.InRange(probe.Duration, 3.9, 4.1);
    }

    [Fact]
    public async Task EveryCommittedSampleMatchesItsNameAndTheyStaySmall()
    {
        var folder = Path.Combine(RepoPaths.Root, "wwwroot-assets", "samples");
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".sh", StringComparison.Ordinal)).ToList();
        Assert.True(files.Sum(f => new FileInfo(f).Length) < 3 * 1024 * 1024, "samples stay under 3 MB in total");

        foreach (var size in new[] { "720x1280", "1280x720", "1024x1792", "1792x1024" })
        {
            var (width, height) = (int.Parse(size.Split('x')[0], CultureInfo.InvariantCulture), int.Parse(size.Split('x')[1], CultureInfo.InvariantCulture));
            foreach (var seconds in new[] { 4, 8, 12 })
            {
                var probe = await Ffprobe.ProbeAsync(Path.Combine(folder, $"sample-{size}-{seconds}s.mp4"));
                var video = Assert.Single(probe.Streams, s => s.CodecType == "video");
                Assert.Equal(("h264", width, height), (video.CodecName, video.Width, video.Height));
                Assert.Equal("aac", Assert.Single(probe.Streams, s => s.CodecType == "audio").CodecName);
                Assert.InRange(probe.Duration, seconds - 0.1, seconds + 0.1);
            }
            var thumbnail = Assert.Single((await Ffprobe.ProbeAsync(Path.Combine(folder, $"thumbnail-{size}.webp"))).Streams);
            Assert.Equal((width, height), (thumbnail.Width, thumbnail.Height));
            Assert.Equal("mjpeg", Assert.Single((await Ffprobe.ProbeAsync(Path.Combine(folder, $"spritesheet-{size}.jpg"))).Streams).CodecName);
        }
    }
}
