using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Operations;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Operations;

public sealed class BackupTests
{
    [Fact]
    public async Task ABackupTakenWhileTheStudioRunsRestoresIntoAFreshDataFolderWithEveryTakeAndClip()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "monday");
        await using var emulator = await Emulators.StartAsync(ffmpeg: false);
        List<Take> before;
        IReadOnlyList<ProjectSummary> projectsBefore;
        AssetInfo asset;
        await using (var studio = await StudioTestHost.StartAsync(original.Path, emulator.BaseUrl))
        {
            var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio, budget: 20m);
            asset = await studio.Get<AssetService>().AddAsync(projectId,
                new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(64, 36))));
            await studio.Get<GenerationService>().GenerateAsync(shotId, variations: 2);
            before = await StoredTakes.WaitUntilFinishedAsync(studio, 2);
            projectsBefore = await studio.Get<ProjectService>().ListAsync();

            // The studio is still running (and holds its database open) while the backup is taken.
            var (code, output, _) = await RunAsync("backup", backup, original.Path);
            Assert.True(code == 0, output);
        }
        Assert.All(before, t => Assert.Equal(TakeStatus.Ready, t.Status));

        var (restoreCode, restoreOutput, restoreError) = await RunAsync("restore", backup, restored.Path);
        Assert.True(restoreCode == 0, restoreOutput + restoreError);

        await using var next = await OfflineStudio.StartAsync(restored);
        Assert.Equal(projectsBefore, await next.Get<ProjectService>().ListAsync());
        var after = await StoredTakes.AllAsync(next);
        Assert.Equal(Describe(before), Describe(after));
        var store = next.Get<ClipStore>();
        var clips = after.SelectMany(t => t.Clips).ToList();
        Assert.Equal(6, clips.Count);
        foreach (var clip in clips)
            Assert.True(await store.VerifyAsync(clip.RelativePath, clip.Sha256), $"{clip.RelativePath} restored with its hash");
        // Times are stored to the millisecond; the rest of the row is exact.
        var restoredAsset = await next.Get<AssetService>().GetAsync(asset.Id);
        Assert.Equal(asset with { CreatedAt = default }, restoredAsset with { CreatedAt = default });
        Assert.True((asset.CreatedAt - restoredAsset.CreatedAt).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.True(await store.VerifyAsync(asset.RelativePath, asset.Sha256), "the reference image restored with its hash");
    }

    [Theory]
    [InlineData]
    [InlineData("backup")]
    [InlineData("restore", "--Studio:DataPath=/tmp")]
    public async Task ACommandWithoutAFolderExplainsItsUsage(params string[] args)
    {
        var error = new StringWriter();

        var code = await StudioCommands.RunAsync(args, new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.StartsWith("Usage:", error.ToString());
    }

    [Fact]
    public async Task ARestoreRefusesADataFolderThatAlreadyHasADatabase()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        await using (var studio = await OfflineStudio.StartAsync(original))
            await Seed.ProjectAsync(studio);
        Assert.Equal(0, (await RunAsync("backup", backup, original.Path)).Code);

        var (code, _, error) = await RunAsync("restore", backup, original.Path);

        Assert.Equal(1, code);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public async Task ADamagedBackupRestoresNothing()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        await using var emulator = await Emulators.StartAsync();
        await using (var studio = await StudioTestHost.StartAsync(original.Path, emulator.BaseUrl))
        {
            var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
            await studio.Get<GenerationService>().GenerateAsync(shotId);
            await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        }
        var manifest = await StudioBackup.BackupAsync(new StudioPaths(original.Path), backup);
        var victim = Path.Combine(backup, manifest.Files.First(f => f.Path.EndsWith(".mp4", StringComparison.Ordinal)).Path);
        var bytes = await File.ReadAllBytesAsync(victim);
        bytes[bytes.Length / 2] ^= 0xff;
        await File.WriteAllBytesAsync(victim, bytes);

        var (code, _, error) = await RunAsync("restore", backup, restored.Path);

        Assert.Equal(1, code);
        Assert.Contains("does not match its manifest", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(restored.Path));
    }

    [Theory]
    [InlineData("clips/../../escape.bin")]
    [InlineData("{absolute}")]
    [InlineData("notes.txt")]
    public async Task AManifestPathOutsideTheClipStoreIsRefusedBeforeAnythingIsCopied(string badPath)
    {
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        Directory.CreateDirectory(Path.Combine(backup, "clips", "ab"));
        badPath = badPath.Replace("{absolute}", Path.Combine(backups.Path, "escape.bin"));
        // Every listed file exists and matches its hash: only the path is wrong, and it comes after a good one.
        var database = await FileAsync(Path.Combine(backup, "studio.db"), "not really a database", "studio.db");
        var good = await FileAsync(Path.Combine(backup, "clips", "ab", "good.mp4"), "a clip", "clips/ab/good.mp4");
        var bad = await FileAsync(Path.GetFullPath(Path.Combine(backup, badPath)), "a file elsewhere", badPath);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, database, [good, bad]);
        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.FileName),
            System.Text.Json.JsonSerializer.Serialize(manifest, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        var (code, _, error) = await RunAsync("restore", backup, restored.Path);

        Assert.Equal(1, code);
        Assert.Contains("points outside the clip store", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(restored.Path));
    }

    private static async Task<BackupFile> FileAsync(string path, string content, string listedAs)
    {
        await File.WriteAllTextAsync(path, content);
        var bytes = await File.ReadAllBytesAsync(path);
        return new BackupFile(listedAs, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task ABackupIntoAFolderThatIsNotEmptyIsRefused()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        await using (var studio = await OfflineStudio.StartAsync(original))
            await Seed.ProjectAsync(studio);
        await File.WriteAllTextAsync(Path.Combine(backups.Path, "something.txt"), "mine");

        var (code, _, error) = await RunAsync("backup", backups.Path, original.Path);

        Assert.Equal(1, code);
        Assert.Contains("not empty", error);
    }

    private static string Describe(IEnumerable<Take> takes) => string.Join("\n", takes.Select(t =>
        $"{t.Id} {t.ShotId} {t.Status} {t.VideoId} {t.Prompt} {string.Join(",", t.Clips.OrderBy(c => c.Id).Select(c => $"{c.Variant}:{c.Sha256}"))}"));

    private static async Task<(int Code, string Output, string Error)> RunAsync(string verb, string folder, string dataPath)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StudioCommands.RunAsync([verb, folder, $"--Studio:DataPath={dataPath}"], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
