using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Operations;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Operations;

public sealed class BackupTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

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
            System.Text.Json.JsonSerializer.Serialize(manifest, WebJson));

        var (code, _, error) = await RunAsync("restore", backup, restored.Path);

        Assert.Equal(1, code);
        Assert.Contains("points outside the clip store", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(restored.Path));
    }

    [Theory]
    [InlineData("keys/../escape.xml")]
    [InlineData("keys/nested/key.xml")]
    [InlineData("clips/key.xml")]
    public async Task AKeyRingPathOutsideKeysIsRefusedBeforeAnythingIsCopied(string badPath)
    {
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        Directory.CreateDirectory(Path.Combine(backup, "clips", "ab"));
        Directory.CreateDirectory(Path.Combine(backup, "keys", "nested"));
        var database = await FileAsync(Path.Combine(backup, "studio.db"), "not really a database", "studio.db");
        var clip = await FileAsync(Path.Combine(backup, "clips", "ab", "good.mp4"), "a clip", "clips/ab/good.mp4");
        var goodKey = await FileAsync(Path.Combine(backup, "keys", "key-1.xml"), "<key/>", "keys/key-1.xml");
        var badKey = await FileAsync(Path.GetFullPath(Path.Combine(backup, badPath)), "<key/>", badPath);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, database, [clip], [goodKey, badKey]);
        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.FileName),
            System.Text.Json.JsonSerializer.Serialize(manifest, WebJson));

        var (code, _, error) = await RunAsync("restore", backup, restored.Path);

        Assert.Equal(1, code);
        Assert.Contains("is not a key of the key ring", error);
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

    private const string ProviderKey = "sk-provider-key-0123456789";

    [Fact]
    public async Task ABackupCarriesTheKeyRingSoTheRestoredStudioGeneratesWithTheSavedProviderKey()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        await using var provider = await Emulators.StartAsync(o => o.ApiKey = ProviderKey);
        var (owner, shotId) = await StudioWithSavedKeyAsync(original, provider.BaseUrl);
        Assert.Equal(0, (await RunAsync("backup", backup, original.Path)).Code);
        var manifest = await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.FileName));
        Assert.Contains("\"keyRing\"", manifest);
        Assert.Contains("keys/key-", manifest);

        var (code, output, error) = await RunAsync("restore", backup, restored.Path);

        Assert.True(code == 0, output + error);
        Assert.DoesNotContain("WARNING", error);
        await using var app = StudioApp.Start(restored);
        var takeId = await GenerateAsync(app, owner, shotId);
        var take = await WaitForAsync(app, takeId, t => !TakeStateMachine.IsActive(t.Status));
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.Equal(1, provider.RequestLog.Count(SoraStudio.Emulator.EmulatorOperation.Create));
    }

    [Fact]
    public async Task ARestoreWithoutTheKeyRingSaysSoAndTheRestoredStudioSubmitsNothing()
    {
        using var original = new TempFolder();
        using var backups = new TempFolder();
        using var restored = new TempFolder();
        var backup = Path.Combine(backups.Path, "b");
        await using var provider = await Emulators.StartAsync(o => o.ApiKey = ProviderKey);
        var (owner, shotId) = await StudioWithSavedKeyAsync(original, provider.BaseUrl);
        Assert.Equal(0, (await RunAsync("backup", backup, original.Path)).Code);
        await WithoutKeyRingAsync(backup);

        var (code, output, error) = await RunAsync("restore", backup, restored.Path);

        Assert.True(code == 0, output + error);
        Assert.Contains("WARNING", error);
        Assert.Contains("key ring", error);
        await using var app = StudioApp.Start(restored);
        using var http = app.Client();
        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("saved provider key cannot be read", await ready.Content.ReadAsStringAsync());
        await using (var scope = app.ScopeFor(owner))
        {
            var shown = await scope.Get<SoraStudio.Web.Features.Settings.StudioSettingsService>().GetAsync();
            Assert.True(shown.ApiKeyUnreadable);
            Assert.NotNull(shown.Blocked);
        }
        var takeId = await GenerateAsync(app, owner, shotId);
        // The worker looks for due takes every 100 ms in tests: two seconds is twenty chances to submit.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var db = await app.DbAsync();
        Assert.Equal(TakeStatus.Queued, (await db.Takes.SingleAsync(t => t.Id == takeId)).Status);
        Assert.Empty(provider.RequestLog.Requests);
        Assert.False(Directory.Exists(Path.Combine(restored.Path, "emulator")), "the studio did not fall back to its built-in emulator");
    }

    /// <summary>A studio whose owner saved the provider's key and address on Settings, with one shot.</summary>
    private static async Task<(SoraStudio.Web.Features.Accounts.StudioIdentity Owner, long ShotId)> StudioWithSavedKeyAsync(TempFolder folder, string providerUrl)
    {
        await using var studio = await OfflineStudio.StartAsync(folder);
        await studio.Get<SoraStudio.Web.Features.Settings.StudioSettingsService>().SaveAsync(ProviderKey, providerUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        return (studio.Tester, shotId);
    }

    /// <summary>Makes the backup one taken before backups carried the key ring (format 1).</summary>
    private static async Task WithoutKeyRingAsync(string backup)
    {
        Directory.Delete(Path.Combine(backup, "keys"), recursive: true);
        var path = Path.Combine(backup, BackupManifest.FileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        json.Remove("keyRing");
        json["format"] = 1;
        await File.WriteAllTextAsync(path, json.ToJsonString());
    }

    private static async Task<long> GenerateAsync(StudioApp app, SoraStudio.Web.Features.Accounts.StudioIdentity owner, long shotId)
    {
        await using var scope = app.ScopeFor(owner);
        return (await scope.Get<GenerationService>().GenerateAsync(shotId)).Single();
    }

    private static async Task<Take> WaitForAsync(StudioApp app, long takeId, Func<Take, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await app.DbAsync();
            var take = await db.Takes.AsNoTracking().SingleAsync(t => t.Id == takeId);
            if (done(take) || DateTime.UtcNow > deadline)
                return take;
            await Task.Delay(100);
        }
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
