using SoraStudio.Emulator;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Storage;

public sealed class MediaProbeTests
{
    [Fact]
    public void APngsSizeIsReadFromItsHeader()
    {
        Assert.Equal(new MediaInfo(1280, 720, null), MediaProbe.Probe(new MemoryStream(TestImages.Png(1280, 720))));
    }

    [Theory]
    [InlineData("samples/sample-1280x720-4s.mp4", 1280, 720, 4.0)]
    [InlineData("samples/sample-720x1280-8s.mp4", 720, 1280, 8.0)]
    [InlineData("samples/thumbnail-1280x720.webp", 1280, 720, null)]
    [InlineData("samples/spritesheet-1280x720.jpg", null, null, null)]
    public void RealClipsThumbnailsAndSpritesheetsAreRead(string sample, int? width, int? height, double? seconds)
    {
        using var file = new MemoryStream();
        using (var resource = typeof(EmulatorServer).Assembly.GetManifestResourceStream(sample)!)
            resource.CopyTo(file);

        var info = MediaProbe.Probe(file);

        if (width is null)
        {
            Assert.NotNull(info.Width);
            Assert.NotNull(info.Height);
        }
        else
        {
            Assert.Equal((width, height), (info.Width, info.Height));
        }
        if (seconds is { } expected)
            Assert.InRange(info.DurationSeconds!.Value, expected - 0.2, expected + 0.2);
        else
            Assert.Null(info.DurationSeconds);
    }

    [Fact]
    public void AnythingElseIsUnknown()
    {
        Assert.Equal(MediaInfo.Unknown, MediaProbe.Probe(new MemoryStream("hello"u8.ToArray())));
        Assert.Equal(MediaInfo.Unknown, MediaProbe.Probe(new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G'])));
    }
}
