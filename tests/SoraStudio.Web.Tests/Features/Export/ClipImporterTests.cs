using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Export;

public sealed class ClipImporterTests
{
    private static string Sample(int seconds = 4)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "wwwroot-assets", "samples", $"sample-1280x720-{seconds}s.mp4");
    }

    [Fact]
    public async Task AnMp4BecomesAReadyTakeWithItsProbedSizeDurationAndAThumbnail()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await using var file = File.OpenRead(Sample(8));

        var takeId = await studio.Get<ClipImporter>().ImportAsync(shotId, file, "old-clip.mp4", prompt: "Style: 16mm film\n\nA boat leaves the harbour.", requestedBy: "ana");

        await using var db = await studio.DbAsync();
        var take = await db.Takes.AsNoTracking().Include(t => t.Clips).SingleAsync(t => t.Id == takeId);
        Assert.Equal((TakeStatus.Ready, "1280x720", 8, "ana", 0m), (take.Status, take.Size, take.Seconds, take.RequestedBy, take.Cost!.Value));
        Assert.Equal("16mm film", take.Spec.Style);
        Assert.Equal("Style: 16mm film\n\nA boat leaves the harbour.", take.Prompt);
        var video = take.Clips.Single(c => c.Variant == VideoVariant.Video);
        Assert.Equal((1280, 720, 8.0), (video.Width!.Value, video.Height!.Value, video.DurationSeconds!.Value));
        Assert.Equal(new FileInfo(Sample(8)).Length, video.Bytes);
        Assert.Contains(take.Clips, c => c.Variant == VideoVariant.Thumbnail && c.ContentType == "image/jpeg");
    }

    [Fact]
    public async Task ANonVideoFileIsRefusedWithAReasonAndNothingIsImported()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        var refusal = await Assert.ThrowsAsync<StudioException>(() =>
            studio.Get<ClipImporter>().ImportAsync(shotId, new MemoryStream(TestImages.Png(64, 36)), "still.mp4"));

        Assert.Contains("“still.mp4” is not an MP4 video", refusal.Message);
        await AssertNoTakesAsync(studio);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATruncatedMp4IsRefusedWithAReasonWithOrWithoutFfprobe(bool ffprobe)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder, o =>
        {
            if (!ffprobe)
                o.Settings["Studio:Export:FfprobePath"] = "/nonexistent/ffprobe";
        });
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var bytes = await File.ReadAllBytesAsync(Sample());

        var refusal = await Assert.ThrowsAsync<StudioException>(() =>
            studio.Get<ClipImporter>().ImportAsync(shotId, new MemoryStream(bytes[..(bytes.Length * 2 / 3)]), "cut.mp4"));

        Assert.Contains("“cut.mp4”", refusal.Message);
        Assert.Contains("cut short", refusal.Message);
        await AssertNoTakesAsync(studio);
    }

    [Fact]
    public async Task ABrokenSpecJsonIsRefused()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await using var file = File.OpenRead(Sample());

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ClipImporter>().ImportAsync(shotId, file, "a.mp4", specJson: "{ not json"));

        Assert.Contains("The spec JSON cannot be read", refusal.Message);
        await AssertNoTakesAsync(studio);
    }

    private static async Task AssertNoTakesAsync(StudioTestHost studio)
    {
        await using var db = await studio.DbAsync();
        Assert.Equal(0, await db.Takes.CountAsync());
        Assert.Equal(0, await db.Clips.CountAsync());
    }
}
