using Microsoft.Extensions.DependencyInjection;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Takes;

/// <summary>Extending and editing a take through the real worker against the emulator over HTTP.</summary>
public sealed class ExtendAndEditTests
{
    [Fact]
    public async Task AnExtensionIsAPricedChildTakeWhoseClipIsTheStitchedTotal()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var quote = await generation.QuoteExtensionAsync(original, 8);
        var extension = await generation.ExtendAsync(original, 8, "The keeper reaches the lamp and lights it.");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 2);

        var extended = takes.Single(t => t.Id == extension);
        Assert.Equal(TakeStatus.Ready, extended.Status);
        Assert.Equal((TakeKind.Extension, original, 12), (extended.Kind, extended.ParentTakeId!.Value, extended.Seconds));
        Assert.Equal((0.80m, 0.80m), (quote.Estimate.Total, extended.EstimatedCost));
        var video = await studio.Services.GetRequiredService<IVideosApi>().GetVideoAsync(extended.VideoId!);
        Assert.Equal(("12", "The keeper reaches the lamp and lights it."), (video.Seconds, video.Prompt));
        var root = Assert.Single((await studio.Get<GalleryQueries>().LineageAsync(shotId)).Roots);
        Assert.Equal(extension, Assert.Single(root.Children).Take.TakeId);
    }

    [Fact]
    public async Task AnEditIsAChildTakeOfTheSameLengthMadeByTheEditsEndpoint()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var edit = await generation.EditAsync(original, "Same shot, make it night.");
        var edited = (await StoredTakes.WaitUntilFinishedAsync(studio, 2)).Single(t => t.Id == edit);

        Assert.Equal(TakeStatus.Ready, edited.Status);
        Assert.Equal((TakeKind.Edit, 4, "Same shot, make it night."), (edited.Kind, edited.Seconds, edited.RemixInstruction));
        Assert.Equal(1, emulator.RequestLog.Count(SoraStudio.Emulator.EmulatorOperation.Edit));
    }

    [Theory]
    [InlineData(6, "more", "seconds")]
    [InlineData(8, " ", "prompt")]
    public async Task BadExtensionsGetFieldNamedErrorsAndQueueNothing(int seconds, string prompt, string field)
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var error = await Assert.ThrowsAsync<StudioException>(() => generation.ExtendAsync(original, seconds, prompt));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Contains(field, error.Errors.Keys);
        Assert.Single(await StoredTakes.AllAsync(studio));
    }

    [Fact]
    public async Task AnExtensionPastTheBudgetIsRefused()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, budget: 1.00m);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);

        var error = await Assert.ThrowsAsync<StudioException>(() => generation.ExtendAsync(original, 8, "more"));

        Assert.Equal(StudioErrorKind.OverBudget, error.Kind);
        Assert.Equal("This would cost $0.80, but only $0.60 of the project's $1.00 budget is left ($0.40 committed).", error.Message);
    }

    [Fact]
    public async Task AnExtensionReplacesItsSourceOnTheTimelineOnlyWhenSelectedAndThenTheTimelineAndTheJoinedExportRunItsStitchedLength()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();
        var original = (await generation.GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        var extension = await generation.ExtendAsync(original, 8, "The keeper reaches the lamp and lights it.");
        await StoredTakes.WaitUntilFinishedAsync(studio, 2);
        var gallery = studio.Get<GalleryQueries>();

        var shots = studio.Get<ShotService>();

        // Ready, the extension does not take its source's place by itself, nor an empty place (unlike a shot's first take).
        var before = await gallery.TimelineStripAsync(projectId);
        Assert.Equal((original, 4), (before.Shots.Single().SelectedTakeId!.Value, before.TotalSeconds));
        await shots.SelectTakeAsync(shotId, null);
        await generation.ExtendAsync(original, 4, "The beam sweeps the sea.");
        await StoredTakes.WaitUntilFinishedAsync(studio, 3);
        Assert.Null((await gallery.TimelineStripAsync(projectId)).Shots.Single().SelectedTakeId);

        await shots.SelectTakeAsync(shotId, extension);
        var after = await gallery.TimelineStripAsync(projectId);
        var export = studio.Get<ExportService>();
        var sequence = await export.SequenceAsync(projectId);
        var joined = Path.Combine(folder.Path, "joined.mp4");
        await export.JoinAsync(projectId, joined);

        Assert.Equal((extension, 12), (after.Shots.Single().SelectedTakeId!.Value, after.TotalSeconds));
        Assert.Equal(12, sequence.TotalSeconds, 0.5);
        Assert.Equal(12, MediaProbe.Probe(joined).DurationSeconds!.Value, 0.5);
    }

    [Fact]
    public async Task QuotesAndChoicesRefuseASeventhExtensionAndATotalOver120SecondsByField()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var chain = await ExtensionChainAsync(studio, projectId, shotId, extensions: 6, secondsEach: 4);
        var long118 = await ReadyTakeAsync(studio, projectId, shotId, seconds: 118);
        var generation = studio.Get<GenerationService>();

        var sixth = await generation.ExtensionChoicesAsync(chain[^1]);
        var seventh = await Assert.ThrowsAsync<StudioException>(() => generation.QuoteExtensionAsync(chain[^1], 4));
        var nearLimit = await generation.ExtensionChoicesAsync(long118);
        var over = await Assert.ThrowsAsync<StudioException>(() => generation.QuoteExtensionAsync(long118, 4));
        var fifth = await generation.ExtensionChoicesAsync(chain[^2]);

        Assert.Equal((28, 6), (sixth.Seconds, sixth.Extensions));
        Assert.Empty(sixth.Allowed);
        Assert.Contains("a clip can be extended at most 6 times", sixth.Refusal);
        Assert.Equal(["seconds"], seventh.Errors.Keys);
        Assert.Contains("already the 6th extension in a row", seventh.Message);
        Assert.Empty(nearLimit.Allowed);
        Assert.Equal("Take " + long118 + " is 118 s; 4 s more would make 122 s, over the 120 s an extended clip may last.", nearLimit.Refusal);
        Assert.Equal(["seconds"], over.Errors.Keys);
        Assert.Equal([4, 8, 12, 16, 20], fifth.Allowed);
        Assert.Equal(0.10m, fifth.PricePerSecond);
        Assert.Equal("$0.80", (await generation.QuoteExtensionAsync(chain[^2], 8)).Estimate.Formatted);
        Assert.Equal(7 + 1, (await StoredTakes.AllAsync(studio)).Count); // nothing was queued
    }

    [Fact]
    public async Task OneChangeIsAnEditWhereTheCatalogOffersEditsAndARemixWhereItDoesNot()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder, o =>
        {
            // A provider whose sora-2 has remix but no edits nor extensions.
            o.Settings["Sora:Models:0:Id"] = "sora-2";
            o.Settings["Sora:Models:0:PricePerSecondBySize:1280x720"] = "0.10";
            o.Settings["Sora:Models:0:Seconds:0"] = "4";
            o.Settings["Sora:Models:0:SupportsEdits"] = "false";
            o.Settings["Sora:Models:0:SupportsExtensions"] = "false";
        });
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var sora2 = await ReadyTakeAsync(studio, projectId, shotId, seconds: 4);
        var pro = await ReadyTakeAsync(studio, projectId, shotId, seconds: 4, model: "sora-2-pro");
        var generation = studio.Get<GenerationService>();

        var remixed = await generation.ChangeAsync(sora2, "Same shot, make it night.");
        var edited = await generation.ChangeAsync(pro, "Same shot, make it night.");

        var takes = await StoredTakes.AllAsync(studio);
        Assert.Equal(TakeKind.Remix, takes.Single(t => t.Id == remixed).Kind);
        Assert.Equal(TakeKind.Edit, takes.Single(t => t.Id == edited).Kind);
        Assert.Equal((TakeKind.Remix, TakeKind.Edit), (generation.OneChangeKind("sora-2")!.Value, generation.OneChangeKind("sora-2-pro")!.Value));
        Assert.False(generation.CanExtend("sora-2"));
        Assert.Equal("sora-2 does not support extensions.", (await generation.ExtensionChoicesAsync(sora2)).Refusal);
        var refused = await Assert.ThrowsAsync<StudioException>(() => generation.ExtendAsync(sora2, 4, "more"));
        Assert.Equal(StudioErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task AnEditOfAnExtendedClipIsPricedAtItsStitchedLength()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var chain = await ExtensionChainAsync(studio, projectId, shotId, extensions: 1, secondsEach: 24);
        var generation = studio.Get<GenerationService>();

        var quote = await generation.QuoteChangeAsync(chain[^1]);
        var edit = await generation.EditAsync(chain[^1], "Same shot, make it night.");

        Assert.Equal("$2.80 (28 s at $0.10/s)", quote.Estimate.Summary);
        var take = (await StoredTakes.AllAsync(studio)).Single(t => t.Id == edit);
        Assert.Equal((28, 2.80m, TakeKind.Edit), (take.Seconds, take.EstimatedCost, take.Kind));
    }

    [Fact]
    public async Task RetryingAFailedExtensionPricesTheAddedSecondsAgain()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var source = await ReadyTakeAsync(studio, projectId, shotId, seconds: 24);
        long failed;
        await using (var db = await studio.DbAsync())
        {
            var take = Rows.Take(projectId, shotId, TakeStatus.Failed, DateTimeOffset.UtcNow, source);
            (take.Seconds, take.Kind, take.EstimatedCost) = (32, TakeKind.Extension, 0.80m);
            db.Takes.Add(take);
            await db.SaveChangesAsync();
            failed = take.Id;
        }

        var retry = await studio.Get<GenerationService>().RetryAsync(failed);

        var again = (await StoredTakes.AllAsync(studio)).Single(t => t.Id == retry);
        Assert.Equal((TakeKind.Extension, source, 32, 0.80m), (again.Kind, again.ParentTakeId!.Value, again.Seconds, again.EstimatedCost));
    }

    [Fact]
    public async Task AReviewNoteBecomesAnEditAtAProviderWithEdits()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var original = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilFinishedAsync(studio, 1);
        var comments = studio.Get<CommentService>();
        var comment = await comments.AddAsync(original, new CommentInput("Make it night", 2));

        Assert.Equal(TakeKind.Edit, (await comments.ThreadAsync(original)).ChangeKind);
        var next = await comments.ChangeAsync(comment, "Same shot, make it night.");
        var made = (await StoredTakes.WaitUntilFinishedAsync(studio, 2)).Single(t => t.Id == next);

        Assert.Equal((TakeStatus.Ready, TakeKind.Edit), (made.Status, made.Kind));
        Assert.Equal(1, emulator.RequestLog.Count(SoraStudio.Emulator.EmulatorOperation.Edit));
        var note = Assert.Single((await comments.ThreadAsync(original)).Comments);
        Assert.Equal((next, TakeKind.Edit), (note.RemixTakeId!.Value, note.RemixKind!.Value));
    }

    /// <summary>An original of 4 s followed by <paramref name="extensions"/> ready extensions, each <paramref name="secondsEach"/> longer; their ids.</summary>
    private static async Task<List<long>> ExtensionChainAsync(StudioTestHost studio, long projectId, long shotId, int extensions, int secondsEach)
    {
        var ids = new List<long> { await ReadyTakeAsync(studio, projectId, shotId, seconds: 4) };
        for (var i = 1; i <= extensions; i++)
            ids.Add(await ReadyTakeAsync(studio, projectId, shotId, seconds: 4 + (i * secondsEach), parent: ids[^1]));
        return ids;
    }

    private static async Task<long> ReadyTakeAsync(StudioTestHost studio, long projectId, long shotId, int seconds, long? parent = null, string model = "sora-2")
    {
        await using var db = await studio.DbAsync();
        var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow, parent);
        take.Seconds = seconds;
        take.Model = model;
        take.VideoId = $"video_{Guid.NewGuid():N}";
        take.Kind = parent is null ? TakeKind.Generation : TakeKind.Extension;
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        return take.Id;
    }
}
