using Microsoft.Extensions.Configuration;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Storage;

public sealed class ClipCutterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ClipCutter _cutter = new(new ConfigurationBuilder().Build());

    public void Dispose() => _folder.Dispose();

    private string Out(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public async Task ARangeIsCutToItsOwnLengthAtTheClipsSizeWithSound()
    {
        var clip = await TestClips.MakeAsync(_folder.Path, 6, 1280, 720);

        await _cutter.CutAsync(clip, 1.5, 2.5, Out("cut.mp4"), CancellationToken.None);

        var info = MediaProbe.Probe(Out("cut.mp4"));
        Assert.Equal((1280, 720), (info.Width, info.Height));
        Assert.InRange(info.DurationSeconds!.Value, 2.45, 2.6);
    }

    [Fact]
    public async Task TheLastFrameIsTheClipsFinalPictureAtTheSizeAsked()
    {
        var clip = await TestClips.TwoColoursAsync(_folder.Path, "red", "blue", 640, 360);

        await _cutter.LastFrameAsync(clip, 1280, 720, Out("last.png"), CancellationToken.None);

        Assert.Equal((1280, 720), (MediaProbe.Probe(Out("last.png")).Width, MediaProbe.Probe(Out("last.png")).Height));
        var pixels = await TestClips.PixelsAsync(Out("last.png"));
        var (r, g, b) = Average(pixels);
        Assert.True(b > 200 && r < 40 && g < 40, $"The last frame averages rgb({r}, {g}, {b}), not blue.");
    }

    [Fact]
    public async Task AFrameOfAnotherShapeIsScaledToCoverAndCroppedNotStretched()
    {
        var clip = await TestClips.MakeAsync(_folder.Path, 2, 640, 640);

        await _cutter.LastFrameAsync(clip, 1280, 720, Out("wide.png"), CancellationToken.None);

        var info = MediaProbe.Probe(Out("wide.png"));
        Assert.Equal((1280, 720), (info.Width, info.Height));
    }

    [Fact]
    public async Task AStillIsAJpegOfTheWidthAsked()
    {
        var clip = await TestClips.MakeAsync(_folder.Path, 3, 1280, 720);

        await _cutter.StillAsync(clip, 1.5, 320, Out("still.jpg"), CancellationToken.None);

        Assert.Equal((320, 180), (MediaProbe.Probe(Out("still.jpg")).Width, MediaProbe.Probe(Out("still.jpg")).Height));
    }

    [Fact]
    public async Task WithoutFfmpegOrWithABrokenClipTheErrorSaysWhy()
    {
        var missing = new ClipCutter(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Studio:Export:FfmpegPath"] = "/nonexistent/ffmpeg" }).Build());
        var notAClip = Out("not-a-clip.mp4");
        await File.WriteAllTextAsync(notAClip, "not a video");

        var notInstalled = await Assert.ThrowsAsync<ClipCutterException>(() => missing.CutAsync(notAClip, 0, 2, Out("a.mp4"), CancellationToken.None));
        var broken = await Assert.ThrowsAsync<ClipCutterException>(() => _cutter.LastFrameAsync(notAClip, 1280, 720, Out("b.png"), CancellationToken.None));

        Assert.Contains("ffmpeg is not installed", notInstalled.Message);
        Assert.Contains("Studio:Export:FfmpegPath", notInstalled.Message);
        Assert.Contains("could not extract the last frame", broken.Message);
    }

    private static (int R, int G, int B) Average(byte[] rgb)
    {
        long r = 0, g = 0, b = 0;
        var pixels = rgb.Length / 3;
        for (var i = 0; i < pixels * 3; i += 3)
            (r, g, b) = (r + rgb[i], g + rgb[i + 1], b + rgb[i + 2]);
        return ((int)(r / pixels), (int)(g / pixels), (int)(b / pixels));
    }
}
