using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Export;

public sealed class ProjectArchiveTests
{
    [Fact]
    public async Task AnExportedArchiveImportsBackLosslessly()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, first) = await Seed.ShotInNewProjectAsync(studio, budget: 25m);
        var second = await Seed.ShotAsync(studio, projectId, Seed.Spec("Waves break on the rocks.", 8), "Rocks");
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(first)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        var remix = await generation.RemixAsync(original, "Same shot, switch to an 85mm lens.");
        await generation.GenerateAsync(second);
        await StoredTakes.WaitUntilFinishedAsync(studio, 3);
        await studio.Get<ShotService>().SelectTakeAsync(first, remix);
        var archive = studio.Get<ProjectArchive>();

        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        zip.Position = 0;
        var imported = await archive.ImportAsync(zip);

        await using var db = await studio.DbAsync();
        var (before, after) = (await LoadAsync(db, projectId), await LoadAsync(db, imported));
        Assert.NotEqual(projectId, imported);
        // Imported beside its original: told apart by its name.
        Assert.Equal(before.Project.Name + " (imported)", after.Project.Name);
        Assert.Equal((before.Project.Budget, before.Project.StyleBible, before.Project.CreatedAt),
            (after.Project.Budget, after.Project.StyleBible, after.Project.CreatedAt));
        Assert.Equal(before.Shots.Select(s => (s.Position, s.Title, s.Spec, s.Overrides, s.Notes)), after.Shots.Select(s => (s.Position, s.Title, s.Spec, s.Overrides, s.Notes)));
        Assert.Equal(3, after.Takes.Count);
        var map = before.Takes.Zip(after.Takes).ToDictionary(p => p.First.Id, p => p.Second.Id);
        foreach (var (old, copy) in before.Takes.Zip(after.Takes))
        {
            Assert.Equal((old.Spec, old.Prompt, old.RemixInstruction, old.Model, old.Size, old.Seconds, old.Status, old.EstimatedCost, old.Cost, old.CreatedAt, old.CompletedAt),
                (copy.Spec, copy.Prompt, copy.RemixInstruction, copy.Model, copy.Size, copy.Seconds, copy.Status, copy.EstimatedCost, copy.Cost, copy.CreatedAt, copy.CompletedAt));
            Assert.Equal(old.ParentTakeId is { } p ? map[p] : null, copy.ParentTakeId);
            Assert.Equal(before.Shots.FindIndex(s => s.Id == old.ShotId), after.Shots.FindIndex(s => s.Id == copy.ShotId));
            Assert.Equal(old.Clips.Select(c => (c.Variant, c.Sha256, c.Bytes, c.RelativePath, c.DurationSeconds)), copy.Clips.Select(c => (c.Variant, c.Sha256, c.Bytes, c.RelativePath, c.DurationSeconds)));
            // Imported into the studio that still holds the originals: the provider's video ids stay with them.
            Assert.Null(copy.VideoId);
        }
        Assert.Equal(map[remix], after.Shots[0].SelectedTakeId);
        var store = studio.Get<ClipStore>();
        foreach (var clip in after.Takes.SelectMany(t => t.Clips))
            Assert.True(await store.VerifyAsync(clip.RelativePath, clip.Sha256));
        var lineage = await studio.Get<GalleryQueries>().LineageAsync(after.Shots[0].Id);
        Assert.Equal([map[remix]], lineage.Roots.Single().Children.Select(c => c.Take.TakeId));
    }

    [Theory]
    [InlineData("../escape.mp4")]
    [InlineData("/etc/passwd")]
    [InlineData("clips/../../escape.mp4")]
    [InlineData("notes.txt")]
    public async Task AnEntryOutsideTheLayoutIsRefusedAndNothingIsImported(string entry)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        using var bad = ArchiveRewrite.Rewrite(zip, (_, bytes) => bytes, (entry, [1, 2, 3]));

        var refusal = await Assert.ThrowsAsync<StudioException>(() => archive.ImportAsync(bad));

        Assert.Contains($"the entry “{entry}” is outside the archive's layout", refusal.Message);
        Assert.Equal(1, await ProjectCountAsync(studio));
    }

    [Fact]
    public async Task AClipWithABadChecksumIsRefusedAndNothingIsImported()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await studio.Get<GenerationService>().GenerateAsync(shotId);
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        using var bad = ArchiveRewrite.Rewrite(zip, (name, bytes) => name.EndsWith(".mp4", StringComparison.Ordinal) ? Flipped(bytes) : bytes);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => archive.ImportAsync(bad));

        Assert.Contains("does not match its checksum", refusal.Message);
        Assert.Equal(1, await ProjectCountAsync(studio));
        await using var db = await studio.DbAsync();
        Assert.Equal(1, await db.Takes.CountAsync());
    }

    [Theory]
    [InlineData("style", "the project's styleBible.style: At most 32,000 characters")]
    [InlineData("name", "the project's name: Control characters")]
    [InlineData("budget", "the project's budget is not between 0 and 100,000,000 USD")]
    [InlineData("title", "shot 1's title: At most 200 characters")]
    [InlineData("beat", "shot 1's spec.actions[0].text: Control characters")]
    public async Task AnArchiveBeyondTheStudiosLimitsIsRefusedByFieldAndNothingIsImported(string what, string reason)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, _) = await Seed.ShotInNewProjectAsync(studio);
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        using var bad = ArchiveRewrite.EditManifest(zip, json =>
        {
            var project = json["project"]!;
            var shot = json["shots"]![0]!;
            switch (what)
            {
                case "style": project["styleBible"]!["style"] = new string('s', 1_000_000); break;
                case "name": project["name"] = "Light\0house"; break;
                case "budget": project["budget"] = 10_000_000_000_000m; break;
                case "title": shot["title"] = new string('t', 201); break;
                case "beat": shot["spec"]!["actions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["text"] = "bell \a" }); break;
            }
        });

        var refusal = await Assert.ThrowsAsync<StudioException>(() => archive.ImportAsync(bad));

        Assert.Contains(reason, refusal.Message);
        Assert.Equal(1, await ProjectCountAsync(studio));
    }

    [Fact]
    public async Task AManifestOfTheWrongShapeIsRefusedInPlainWords()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        using var bad = ArchiveRewrite.EditManifest(zip, json => json["project"]!["styleBible"]!["paletteAnchors"] = "amber");

        var refusal = await Assert.ThrowsAsync<StudioException>(() => archive.ImportAsync(bad));

        Assert.Contains("project.styleBible.paletteAnchors", refusal.Message);
        Assert.DoesNotContain("System.", refusal.Message);
        Assert.DoesNotContain("SoraStudio.", refusal.Message);
    }

    [Fact]
    public async Task AFileThatIsNotAnArchiveIsRefused()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ProjectArchive>().ImportAsync(new MemoryStream("not a zip"u8.ToArray())));

        Assert.Contains("not a zip archive", refusal.Message);
    }

    [Fact]
    public async Task AnArchiveWhoseNameIsTakenIsImportedAsImportedThenImported2AndElsewhereKeepsItsName()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio, name: "Noir");
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);

        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            zip.Position = 0;
            var id = await archive.ImportAsync(zip);
            await using var db = await studio.DbAsync();
            names.Add(await db.Projects.Where(p => p.Id == id).Select(p => p.Name).SingleAsync());
        }
        Assert.Equal(["Noir (imported)", "Noir (imported 2)", "Noir (imported 3)"], names);

        // Where no project has the name, the archive's name is kept.
        using var otherFolder = new TempFolder();
        await using var other = await OfflineStudio.StartAsync(otherFolder);
        zip.Position = 0;
        var elsewhere = await other.Get<ProjectArchive>().ImportAsync(zip);
        await using var otherDb = await other.DbAsync();
        Assert.Equal("Noir", await otherDb.Projects.Where(p => p.Id == elsewhere).Select(p => p.Name).SingleAsync());
    }

    [Theory]
    [InlineData("Noir (imported)", "Noir (imported 2)")]
    [InlineData("noir", "noir (imported 2)")]
    public void ANameIsToldApartFromTheTakenOnesInAnyCase(string name, string expected)
    {
        var taken = new HashSet<string>(["Noir", "Noir (imported)"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal(expected, ProjectArchive.FreeName(name, taken));
    }

    [Fact]
    public void ALongNameIsCutToMakeRoomForTheMarkAndStaysWithinTheLimit()
    {
        var name = new string('n', SoraStudio.Core.Validation.TextLimits.Name);

        var free = ProjectArchive.FreeName(name, new HashSet<string>([name]));

        Assert.Equal(SoraStudio.Core.Validation.TextLimits.Name, free.Length);
        Assert.EndsWith(" (imported)", free);
    }

    [Fact]
    public async Task AnImportReportsReadingEachClipStoredAndSavingInOrder()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var clips = studio.Get<ClipImporter>();
        foreach (var seconds in new[] { 4, 8 })
        {
            await using var file = File.OpenRead(Sample(seconds));
            await clips.ImportAsync(shotId, file, $"clip-{seconds}.mp4");
        }
        var archive = studio.Get<ProjectArchive>();
        using var zip = new MemoryStream();
        await archive.ExportAsync(projectId, zip);
        zip.Position = 0;
        var heard = new Recorder();

        await archive.ImportAsync(zip, progress: heard);

        // Two takes, each a video and a thumbnail: four clips.
        Assert.Equal(
            [
                new ArchiveImportProgress(ArchiveImportStep.Reading),
                new ArchiveImportProgress(ArchiveImportStep.Clips, 1, 4), new ArchiveImportProgress(ArchiveImportStep.Clips, 2, 4),
                new ArchiveImportProgress(ArchiveImportStep.Clips, 3, 4), new ArchiveImportProgress(ArchiveImportStep.Clips, 4, 4),
                new ArchiveImportProgress(ArchiveImportStep.Saving),
            ],
            heard.Reports);
        Assert.Equal("Checking and storing clips: 3 of 4", heard.Reports[3].Describe());
        Assert.Equal(75, heard.Reports[3].Percent);
    }

    /// <summary>Hears each report as it is made (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Recorder : IProgress<ArchiveImportProgress>
    {
        public List<ArchiveImportProgress> Reports { get; } = [];

        public void Report(ArchiveImportProgress value) => Reports.Add(value);
    }

    private static string Sample(int seconds)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "wwwroot-assets", "samples", $"sample-1280x720-{seconds}s.mp4");
    }

    private static async Task<int> ProjectCountAsync(StudioTestHost studio)
    {
        await using var db = await studio.DbAsync();
        return await db.Projects.CountAsync();
    }

    private sealed record Loaded(Project Project, List<Shot> Shots, List<Take> Takes);

    private static async Task<Loaded> LoadAsync(StudioDbContext db, long projectId) => new(
        await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId),
        await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Position).ToListAsync(),
        await db.Takes.AsNoTracking().Include(t => t.Clips.OrderBy(c => c.Id)).Where(t => t.ProjectId == projectId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync());

    /// <summary>The bytes with one in the middle changed, as a bad disk or transfer would.</summary>
    private static byte[] Flipped(byte[] bytes)
    {
        bytes[bytes.Length / 2] ^= 0xFF;
        return bytes;
    }
}
