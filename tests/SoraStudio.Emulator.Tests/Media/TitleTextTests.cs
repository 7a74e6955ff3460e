using SoraStudio.Emulator.Media;

namespace SoraStudio.Emulator.Tests.Media;

public sealed class TitleTextTests
{
    [Fact]
    public void ALongPromptIsWrappedIntoAtMostThreeLinesEndingInAnEllipsis()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("waves crash against the old stone lighthouse", 10));

        var text = FfmpegRenderer.TitleText(new RenderRequest("video_x", prompt, 720, 1280, 4));

        var lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("…", lines[^1]);
        Assert.StartsWith("waves crash", lines[0]);
    }

    [Fact]
    public void ControlCharactersNeverReachTheTitleCard()
    {
        var text = FfmpegRenderer.TitleText(new RenderRequest("video_x", "line one\nline\ttwo\r", 1280, 720, 4));

        Assert.Equal("line one line two", text);
    }

    [Fact]
    public void FfmpegRunsFromAnArgumentListWithLimitedThreads()
    {
        var capabilities = new FfmpegCapabilities(true, true, true, "/fonts/Sans.ttf", "/fonts/Mono.ttf", null);
        var media = new EmulatorMediaOptions { Threads = 1 };

        var arguments = FfmpegRenderer.BuildArguments(new RenderRequest("video_x", "p", 1280, 720, 12), capabilities, media);

        Assert.Equal("1", arguments[arguments.IndexOf("-threads") + 1]);
        Assert.Contains("ultrafast", arguments);
        Assert.Contains("+faststart", arguments);
        Assert.Contains(arguments, a => a.Contains("drawtext", StringComparison.Ordinal) && a.Contains("textfile=title.txt", StringComparison.Ordinal));
        Assert.Equal("12", arguments[arguments.IndexOf("-t") + 1]);
    }

    [Fact]
    public void WithoutDrawTextOrAFontTheClipIsATestPatternWithoutText()
    {
        var capabilities = new FfmpegCapabilities(true, DrawText: false, WebP: false, null, null, null);

        var arguments = FfmpegRenderer.BuildArguments(new RenderRequest("video_x", "p", 720, 1280, 4), capabilities, new EmulatorMediaOptions());

        Assert.Contains(arguments, a => a.StartsWith("testsrc2=s=720x1280", StringComparison.Ordinal));
        Assert.DoesNotContain(arguments, a => a.Contains("drawtext", StringComparison.Ordinal));
        Assert.Contains("thumbnail.jpg", arguments);
    }

    [Fact]
    public void AHeadingIsTheCardsFirstLine()
    {
        var text = FfmpegRenderer.TitleText(new RenderRequest("video_x", "Make it rain", 1280, 720, 4) { Heading = "Edit" });

        Assert.Equal("Edit\nMake it rain", text);
    }
}
