using System.Security.Cryptography;
using SoraStudio.Web.Data;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Storage;

public sealed class ClipStoreTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task ContentIsStoredUnderItsHashWithNothingLeftInTheTempFolder()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        var stored = await store.SaveAsync(new MemoryStream(Content), "video/mp4", Content.Length);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Content));
        Assert.Equal(new StoredFile($"{sha[..2]}/{sha}.mp4", Content.Length, sha), stored);
        Assert.Equal(Content, await File.ReadAllBytesAsync(store.GetFullPath(stored.RelativePath)));
        Assert.True(await store.VerifyAsync(stored.RelativePath, sha));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store.Root, ".tmp")));
    }

    [Fact]
    public async Task TheSameContentTwiceIsOneFile()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        var first = await store.SaveAsync(new MemoryStream(Content), "image/webp");
        var second = await store.SaveAsync(new MemoryStream(Content), "image/webp");

        Assert.Equal(first, second);
        Assert.Single(Directory.EnumerateFiles(store.Root, "*.webp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ContentShorterThanAnnouncedIsRefusedAndLeavesNothing()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        await Assert.ThrowsAsync<ClipStoreException>(() => store.SaveAsync(new MemoryStream(Content), "video/mp4", Content.Length + 1));

        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ContentWithTheWrongHashIsRefusedAndLeavesNothing()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        await Assert.ThrowsAsync<ClipStoreException>(() => store.SaveAsync(new MemoryStream(Content), "video/mp4", expectedSha256: new string('0', 64)));

        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AStreamCutHalfWayLeavesNoPartialFileVisible()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(new CutStream(Content, Content.Length / 2), "video/mp4"));

        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OldOrphansAndTempFilesAreSweptWhileReferencedAndRecentFilesStay()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));
        var kept = await store.SaveAsync(new MemoryStream(Content), "video/mp4");
        var orphan = await store.SaveAsync(new MemoryStream(Content[..1000]), "image/jpeg");
        var young = await store.SaveAsync(new MemoryStream(Content[..2000]), "image/jpeg");
        var temp = Path.Combine(store.Root, ".tmp", "abandoned.part");
        await File.WriteAllBytesAsync(temp, [1, 2, 3]);
        var now = DateTimeOffset.UtcNow;
        foreach (var old in new[] { store.GetFullPath(kept.RelativePath), store.GetFullPath(orphan.RelativePath), temp })
            File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddHours(-2));

        var deleted = store.DeleteOrphans(new HashSet<string> { kept.RelativePath }, TimeSpan.FromHours(1), now);

        Assert.Equal([orphan.RelativePath, ".tmp/abandoned.part"], deleted.Order().Reverse());
        Assert.True(store.Exists(kept.RelativePath));
        Assert.True(store.Exists(young.RelativePath));
        Assert.False(store.Exists(orphan.RelativePath));
    }

    [Fact]
    public async Task TheSweepKeepsEveryFileAClipOrAnAssetRefersTo()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder, o => o.Settings["Studio:Storage:OrphanGracePeriod"] = "00:00:00.001");
        var store = studio.Get<ClipStore>();
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var asset = await studio.Get<SoraStudio.Web.Features.Assets.AssetService>().AddAsync(projectId,
            new SoraStudio.Web.Features.Assets.AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(16, 16))));
        var clip = await store.SaveAsync(new MemoryStream(Content), "video/mp4");
        var orphan = await store.SaveAsync(new MemoryStream(Content[..10]), "video/mp4");
        await using (var db = await studio.DbAsync())
        {
            var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);
            db.Takes.Add(take);
            await db.SaveChangesAsync();
            db.Clips.Add(new Clip { TakeId = take.Id, Variant = "video", RelativePath = clip.RelativePath, Bytes = clip.Bytes, Sha256 = clip.Sha256, ContentType = "video/mp4" });
            await db.SaveChangesAsync();
        }
        await Task.Delay(20);

        var deleted = await studio.Get<ClipStoreSweeper>().SweepAsync();

        Assert.Equal([orphan.RelativePath], deleted);
        Assert.True(store.Exists(clip.RelativePath));
        Assert.True(store.Exists(asset.RelativePath));
    }

    [Fact]
    public void APathOutsideTheStoreIsRefused()
    {
        using var folder = new TempFolder();
        var store = new ClipStore(new StudioPaths(folder.Path));

        Assert.Throws<ArgumentException>(() => store.GetFullPath("../studio.db"));
    }

    /// <summary>Gives <paramref name="cutAt"/> bytes, then fails like a dropped connection.</summary>
    private sealed class CutStream(byte[] content, int cutAt) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= cutAt)
                throw new IOException("The connection was reset.");
            var read = await base.ReadAsync(buffer[..Math.Min(buffer.Length, cutAt - (int)Position)], cancellationToken);
            return read;
        }
    }
}
