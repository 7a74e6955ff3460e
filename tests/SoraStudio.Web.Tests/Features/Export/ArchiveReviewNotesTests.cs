using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.Features.Review;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Export;

/// <summary>The review notes of a project archive: comments, replies, review states, ratings and approvals.</summary>
public sealed class ArchiveReviewNotesTests
{
    [Fact]
    public async Task ReviewNotesImportIntoAFreshStudioAsTheyWereWithAuthorsMatchedByEmail()
    {
        using var sourceFolder = new TempFolder();
        using var targetFolder = new TempFolder();
        await using var source = await OfflineStudio.StartAsync(sourceFolder);
        var (projectId, shotId, first, second) = await ReviewedProjectAsync(source);
        using var zip = new MemoryStream();
        await source.Get<ProjectArchive>().ExportAsync(projectId, zip);

        // The fresh studio has an account for Rita (same email) and none for Ed.
        await using var target = await OfflineStudio.StartAsync(targetFolder);
        var rita = await target.CreateUserAsync("Rita Reviewer");
        zip.Position = 0;
        var imported = await target.Get<ProjectArchive>().ImportAsync(zip);

        await using var db = await target.DbAsync();
        var takes = await db.Takes.Where(t => t.ProjectId == imported).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var newShot = await db.Shots.Where(s => s.ProjectId == imported).Select(s => s.Id).SingleAsync();
        var (newFirst, newSecond) = (takes[0], takes[1]);
        var comments = target.Get<CommentService>();
        var (before, after) = ((await source.Get<CommentService>().ThreadAsync(first)).Comments, (await comments.ThreadAsync(newFirst)).Comments);
        Assert.Equal(4, after.Count);
        Assert.Equal(before.Select(Comparable), after.Select(Comparable));
        // Replies point at the imported comment they answer.
        var thread = after.Single(c => c.Body == "Slower pan, please");
        Assert.Equal(thread.Id, after.Single(c => c.Body == "On it: 2 s slower").ParentId);
        Assert.Equal([rita.UserId, target.Tester.UserId, target.Tester.UserId], after.Where(c => c.ParentId is null).Select(c => c.AuthorId));
        // Ed has no account here: his note keeps his name and email, and belongs to nobody (not to the importer).
        var eds = after.Single(c => c.AuthorName == "Ed Editor");
        Assert.Equal(("", "ed.editor@studio.test", true), (eds.AuthorId, eds.ImportedAuthorEmail, eds.IsImported));
        var row = await db.TakeComments.SingleAsync(c => c.Id == eds.Id);
        Assert.Null(row.AuthorUserId);
        Assert.Equal(["Tester"], after.Single(c => c.Body.StartsWith("Warmer", StringComparison.Ordinal)).Mentions);

        var reviews = target.Get<ReviewService>();
        var (oldFirst, newFirstReview) = (await source.Get<ReviewService>().GetAsync(first), await reviews.GetAsync(newFirst));
        Assert.Equal((ReviewState.ChangesRequested, "Too cold; warm the lantern light", 2, oldFirst.ReviewedAt),
            (newFirstReview.State, newFirstReview.Note, newFirstReview.Rating, newFirstReview.ReviewedAt));
        Assert.Equal("Ed Editor (ed.editor@studio.test, imported)", newFirstReview.ReviewedBy);
        var newSecondReview = await reviews.GetAsync(newSecond);
        Assert.Equal((ReviewState.Approved, 4, "Rita Reviewer", true), (newSecondReview.State, newSecondReview.Rating, newSecondReview.ReviewedBy, newSecondReview.IsApprovedTakeOfShot));
        Assert.Equal(newSecond, await reviews.ApprovedTakeAsync(newShot));
        Assert.Equal(second, await source.Get<ReviewService>().ApprovedTakeAsync(shotId));
    }

    [Fact]
    public async Task AVersion1ArchiveWithoutReviewNotesStillImports()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        const string manifest = """
            {
              "format": "sora-studio-project",
              "version": 1,
              "exportedAt": "2026-03-01T12:00:00+00:00",
              "project": { "name": "Old lighthouse", "description": "", "defaultModel": "sora-2", "defaultSize": "1280x720", "createdAt": "2026-02-01T09:00:00+00:00" },
              "shots": [ { "key": 1, "position": 0, "title": "Stairs", "notes": "", "selectedTake": 1, "createdAt": "2026-02-01T09:00:00+00:00", "updatedAt": "2026-02-01T09:00:00+00:00" } ],
              "takes": [ { "key": 1, "shot": 1, "prompt": "Stairs at dusk", "model": "sora-2", "size": "1280x720", "seconds": 4, "status": "Ready", "progress": 100,
                           "estimatedCost": 0.4, "cost": 0.4, "requestedBy": "ana", "createdAt": "2026-02-01T09:05:00+00:00", "attempts": 1, "clips": [] } ]
            }
            """;

        var imported = await studio.Get<ProjectArchive>().ImportAsync(Zip(manifest));

        await using var db = await studio.DbAsync();
        var take = await db.Takes.SingleAsync(t => t.ProjectId == imported);
        Assert.Equal(("Stairs at dusk", TakeStatus.Ready), (take.Prompt, take.Status));
        Assert.Equal(take.Id, (await db.Shots.SingleAsync(s => s.ProjectId == imported)).SelectedTakeId);
        Assert.Equal(ReviewState.Pending, (await studio.Get<ReviewService>().GetAsync(take.Id)).State);
        Assert.Empty((await studio.Get<CommentService>().ThreadAsync(take.Id)).Comments);
    }

    public static TheoryData<string, string> BadNotes => new()
    {
        { "timecode past the clip", "timecode-past-end" },
        { "range ending before it starts", "range-backwards" },
        { "rating of 7", "rating-7" },
        { "rating of 0", "rating-0" },
        { "reply to a comment that does not exist", "reply-missing-parent" },
        { "unknown review state", "state-unknown" },
        { "changes requested without a note", "changes-without-note" },
        { "approved take the reviews do not approve", "approved-mismatch" },
        { "comment without an author", "no-author" },
    };

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task AnArchiveWithABadNoteIsRefusedWithAReasonAndNothingIsWritten(string description, string bad)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var archive = studio.Get<ProjectArchive>();
        using var zip = await ExportReviewedProjectAsync(studio);
        var (expected, edit) = Breakers[bad];
        using var broken = EditManifest(zip, edit);
        var counts = await CountsAsync(studio);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => archive.ImportAsync(broken));

        Assert.Equal(StudioErrorKind.Invalid, refusal.Kind);
        Assert.StartsWith("The archive was not imported: ", refusal.Message);
        Assert.True(refusal.Message.Contains(expected, StringComparison.Ordinal), $"{description}: {refusal.Message}");
        Assert.Equal(counts, await CountsAsync(studio));
    }

    [Fact]
    public async Task TheArchiveUntouchedImportsWhereTheBrokenOnesAreRefused()
    {
        // The control for the theory above: the same archive, unedited, imports into the same studio.
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var archive = studio.Get<ProjectArchive>();
        using var zip = await ExportReviewedProjectAsync(studio);
        var counts = await CountsAsync(studio);

        await archive.ImportAsync(EditManifest(zip, _ => { }));

        Assert.Equal((counts.Projects + 1, counts.Comments * 2, counts.Reviews * 2), await CountsAsync(studio));
    }

    private static readonly Dictionary<string, (string Expected, Action<JsonObject> Edit)> Breakers = new()
    {
        ["timecode-past-end"] = ("has a bad time code: The time must be within the take's 4 s.", m => Comment(m, "Slower pan, please")["startSeconds"] = 9.5),
        ["range-backwards"] = ("has a bad time code: The range must end after it starts", m => Comment(m, "Warmer light @Tester")["endSeconds"] = 0.5),
        ["rating-7"] = ("is rated 7; a rating is 1 to 5 stars.", m => Review(m, 0)["rating"] = 7),
        ["rating-0"] = ("is rated 0; a rating is 1 to 5 stars.", m => Review(m, 1)["rating"] = 0),
        ["reply-missing-parent"] = ("replies to comment 99, which is not a comment on the same take.", m => Comment(m, "On it: 2 s slower")["replyTo"] = 99),
        ["state-unknown"] = ("review state “Maybe” is not one of Pending, Approved, ChangesRequested.", m => Review(m, 0)["state"] = "Maybe"),
        ["changes-without-note"] = ("has changes requested without a note", m => Review(m, 0)["note"] = " "),
        ["approved-mismatch"] = ("names take 1 as approved, but its takes' reviews approve 2.", m => m["shots"]![0]!["approvedTake"] = 1),
        ["no-author"] = ("has no author.", m => Comment(m, "Slower pan, please")["author"] = null),
    };

    /// <summary>
    /// A project with two ready 4-second takes: on the first, Rita's point comment (replied to and edited by Ed),
    /// the tester's resolved range comment mentioning himself, Ed's request for changes and a 2-star rating; the
    /// second approved and rated 4 by Rita.
    /// </summary>
    private static async Task<(long ProjectId, long ShotId, long First, long Second)> ReviewedProjectAsync(StudioTestHost studio)
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var first = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var second = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var rita = await studio.CreateUserAsync("Rita Reviewer");
        var ed = await studio.CreateUserAsync("Ed Editor");
        await studio.AddMemberAsync(projectId, rita, ProjectRole.Reviewer);
        await studio.AddMemberAsync(projectId, ed, ProjectRole.Reviewer);
        await using (var asRita = studio.ScopeFor(rita))
        {
            var thread = await asRita.Get<CommentService>().AddAsync(first, new CommentInput("Slower pan, please", 1.5));
            await using (var asEd = studio.ScopeFor(ed))
            {
                var reply = await asEd.Get<CommentService>().AddAsync(first, new CommentInput("On it", ParentId: thread));
                await asEd.Get<CommentService>().EditAsync(reply, "On it: 2 s slower");
                await asEd.Get<ReviewService>().RequestChangesAsync(first, "Too cold; warm the lantern light");
                await asEd.Get<ReviewService>().RateAsync(first, 2);
            }
            await asRita.Get<ReviewService>().ApproveAsync(second);
            await asRita.Get<ReviewService>().RateAsync(second, 4);
        }
        var comments = studio.Get<CommentService>();
        var range = await comments.AddAsync(first, new CommentInput("Warmer light @Tester", 2, 3.25));
        await comments.ResolveAsync(range, true);
        await comments.AddAsync(first, new CommentInput("Whole take: keep the grain"));
        return (projectId, shotId, first, second);
    }

    private static async Task<MemoryStream> ExportReviewedProjectAsync(StudioTestHost studio)
    {
        var (projectId, _, _, _) = await ReviewedProjectAsync(studio);
        var zip = new MemoryStream();
        await studio.Get<ProjectArchive>().ExportAsync(projectId, zip);
        return zip;
    }

    private static object Comparable(CommentView c) =>
        (c.AuthorName, c.Body, c.StartSeconds, c.EndSeconds, c.CreatedAt, c.EditedAt, c.ResolvedAt, c.IsResolved, c.ParentId is null, c.ResolvedBy);

    private static JsonObject Comment(JsonObject manifest, string body) =>
        manifest["takes"]!.AsArray().SelectMany(t => t!["comments"]!.AsArray()).Single(c => (string?)c!["body"] == body)!.AsObject();

    private static JsonObject Review(JsonObject manifest, int take) => manifest["takes"]![take]!["review"]!.AsObject();

    private static async Task<(int Projects, int Comments, int Reviews)> CountsAsync(StudioTestHost studio)
    {
        await using var db = await studio.DbAsync();
        return (await db.Projects.CountAsync(), await db.TakeComments.CountAsync(), await db.TakeReviews.CountAsync());
    }

    private static MemoryStream Zip(string manifest)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry(ArchiveManifest.FileName).Open())
            entry.Write(Encoding.UTF8.GetBytes(manifest));
        zip.Position = 0;
        return zip;
    }

    private static MemoryStream EditManifest(MemoryStream source, Action<JsonObject> edit)
    {
        source.Position = 0;
        using (var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true))
            Assert.Equal([ArchiveManifest.FileName], input.Entries.Select(e => e.FullName));
        return ArchiveRewrite.EditManifest(source, edit);
    }
}
