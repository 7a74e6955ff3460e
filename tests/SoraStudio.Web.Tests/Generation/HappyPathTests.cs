using System.Security.Cryptography;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class HappyPathTests
{
    [Fact]
    public async Task QueuedTakesBecomeReadyWithVerifiedClipsOnDisk()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync(ffmpeg: true);
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 2);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2, TimeSpan.FromSeconds(60));
        var store = studio.Get<ClipStore>();
        Assert.All(takes, take =>
        {
            Assert.Equal(TakeStatus.Ready, take.Status);
            Assert.Equal(100, take.Progress);
            Assert.Equal(0.40m, take.Cost);
            Assert.Equal(studio.Tester.Name, take.RequestedBy);
            Assert.NotNull(take.ExpiresAt);
            Assert.Equal(take.CompletedAt!.Value.AddHours(1), take.ExpiresAt);
            Assert.Equal(VideoVariant.All.Order(), take.Clips.Select(c => c.Variant).Order());
            foreach (var clip in take.Clips)
            {
                var bytes = File.ReadAllBytes(store.GetFullPath(clip.RelativePath));
                Assert.Equal(clip.Bytes, bytes.Length);
                Assert.Equal(clip.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                Assert.Contains(clip.Sha256, clip.RelativePath);
            }
            var video = take.Clips.Single(c => c.Variant == VideoVariant.Video);
            Assert.Equal("video/mp4", video.ContentType);
            Assert.Equal((1280, 720), (video.Width, video.Height));
            Assert.InRange(video.DurationSeconds!.Value, 3.5, 4.5);
            Assert.NotNull(take.Clips.Single(c => c.Variant == VideoVariant.Thumbnail).Width);
        });
        // Distinct renders are distinct files.
        Assert.NotEqual(takes[0].Clips.Single(c => c.Variant == VideoVariant.Video).Sha256, takes[1].Clips.Single(c => c.Variant == VideoVariant.Video).Sha256);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store.Root, ".tmp")));
    }

    [Fact]
    public async Task EachTakeMakesOneCreateFewPollsAndThreeDownloads()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 3);

        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 3);
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal(3, emulator.RequestLog.Count(EmulatorOperation.Create));
        var pollInterval = TimeSpan.FromMilliseconds(200);
        foreach (var take in takes)
        {
            var counts = emulator.RequestLog.CountsFor(take.VideoId!);
            var job = emulator.Jobs.Find(take.VideoId!)!;
            var renderTime = job.CompletedAt!.Value - job.CreatedAt + TimeSpan.FromSeconds(1);
            Assert.Equal(3, counts[EmulatorOperation.Content]);
            Assert.InRange(counts[EmulatorOperation.Get], 1, renderTime / pollInterval + 1);
            Assert.Equal(1, take.Attempts);
        }
    }

    [Fact]
    public async Task ThePollHintOfTheApiSlowsPollingDown()
    {
        using var folder = new TempFolder();
        // A 4 s take renders in 2 s; the API asks for a poll a second at most; the studio would poll every 100 ms.
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.RenderSecondsPerVideoSecond = 0.5;
            o.PollAfterMs = 1000;
        });
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
        {
            o.Settings["Studio:Generation:PollInterval"] = "00:00:00.100";
            o.Settings["Studio:Generation:MaxPollInterval"] = "00:00:00.100";
        });
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.InRange(emulator.RequestLog.Count(EmulatorOperation.Get, take.VideoId!), 2, 4);
    }

    [Fact]
    public async Task TakeChangesAreStreamedAsTheyAreWritten()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var seen = new List<TakeChanged>();
        var ready = new TaskCompletionSource();
        using var subscription = studio.Get<EventStream<TakeChanged>>().Subscribe(change =>
        {
            lock (seen)
                seen.Add(change);
            if (change.Status == TakeStatus.Ready)
                ready.TrySetResult();
        });

        await studio.Get<GenerationService>().GenerateAsync(shotId);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));

        List<TakeStatus> statuses;
        lock (seen)
            statuses = seen.Select(c => c.Status).Distinct().ToList();
        Assert.Equal([TakeStatus.Queued, TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Downloading, TakeStatus.Ready], statuses);
        Assert.All(seen, c => Assert.Equal(projectId, c.ProjectId));
    }

    [Fact]
    public async Task AShotsReferenceImageIsSentWithItsCreate()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var asset = await studio.Get<AssetService>().AddAsync(projectId,
            new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(1280, 720))));
        await studio.Get<ShotService>().SetReferenceAsync(shotId, asset.Id);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.Equal(asset.Id, take.ReferenceAssetId);
        Assert.Equal(new SoraStudio.Core.Spec.ReferenceImage("keeper.png", "image/png", 1280, 720), take.Spec.ReferenceImage);
        Assert.Equal(take.Id, (await studio.Get<ShotService>().GetAsync(shotId)).SelectedTakeId);
    }
}
