using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Review;

public sealed class ReviewServiceTests
{
    [Fact]
    public async Task ApprovingTheRemixMadeFromACommentResolvesTheComment()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var original = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(studio, takes => takes.All(t => t.Status == TakeStatus.Ready));
        var comments = studio.Get<CommentService>();
        var commentId = await comments.AddAsync(original, new CommentInput("Slower climb", 2));

        var remix = await comments.RemixAsync(commentId, "Make the climb slower");
        await StoredTakes.WaitUntilAsync(studio, takes => takes.Count == 2 && takes.All(t => t.Status == TakeStatus.Ready));
        var beforeApproval = Assert.Single((await comments.ThreadAsync(original)).Comments);
        await studio.Get<ReviewService>().ApproveAsync(remix);

        var after = Assert.Single((await comments.ThreadAsync(original)).Comments);
        Assert.False(beforeApproval.IsResolved);
        Assert.Equal(remix, beforeApproval.RemixTakeId);
        Assert.True(after.IsResolved);
        Assert.Equal("Tester", after.ResolvedBy);
        Assert.Equal(remix, await studio.Get<ReviewService>().ApprovedTakeAsync(shotId));
        var log = await studio.Get<ActivityQueries>().ProjectAsync(projectId);
        Assert.Equal([ActivityKind.Approved, ActivityKind.Remixed, ActivityKind.Commented, ActivityKind.Generated, ActivityKind.ProjectCreated], log.Lines.Select(l => l.Kind));
        Assert.Equal(log.Lines.Where(l => l.Kind is ActivityKind.Generated or ActivityKind.Remixed).Sum(l => l.Cost), log.TotalCost);
        Assert.True(log.TotalCost > 0);
        Assert.All(log.Lines, l => Assert.Equal("Tester", l.Actor));
    }

    [Fact]
    public async Task ReviewStatesRatingsAndTheQueue()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var first = await ReadyTakeAsync(studio, projectId, shotId);
        var second = await ReadyTakeAsync(studio, projectId, shotId);
        var reviews = studio.Get<ReviewService>();
        Assert.Equal([second, first], (await reviews.QueueAsync()).Select(q => q.TakeId));

        var noNote = await Assert.ThrowsAsync<StudioException>(() => reviews.RequestChangesAsync(first, "  "));
        await reviews.RequestChangesAsync(first, "Warmer light, please");
        await reviews.RateAsync(second, 4);
        await reviews.ApproveAsync(second);
        var badRating = await Assert.ThrowsAsync<StudioException>(() => reviews.RateAsync(second, 6));

        Assert.Equal(StudioErrorKind.Invalid, noNote.Kind);
        Assert.Equal(StudioErrorKind.Invalid, badRating.Kind);
        var firstReview = await reviews.GetAsync(first);
        Assert.Equal(ReviewState.ChangesRequested, firstReview.State);
        Assert.Equal("Warmer light, please", firstReview.Note);
        var secondReview = await reviews.GetAsync(second);
        Assert.Equal((ReviewState.Approved, 4, true), (secondReview.State, secondReview.Rating, secondReview.IsApprovedTakeOfShot));
        Assert.Empty(await reviews.QueueAsync());

        await reviews.ResetAsync(first);
        Assert.Equal([first], (await reviews.QueueAsync()).Select(q => q.TakeId));
    }

    [Fact]
    public async Task OnlyAReadyTakeCanBeApproved()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var queued = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ReviewService>().ApproveAsync(queued));

        Assert.Equal(StudioErrorKind.Conflict, refusal.Kind);
    }

    /// <summary>A ready take written directly (the worker is off in an offline studio).</summary>
    internal static async Task<long> ReadyTakeAsync(StudioTestHost studio, long projectId, long shotId, int seconds = 4)
    {
        await using var db = await studio.DbAsync();
        var take = new Take
        {
            ProjectId = projectId, ShotId = shotId, Status = TakeStatus.Ready, Seconds = seconds, Model = "sora-2", Size = "1280x720",
            Prompt = "Stairs", RequestedBy = "Tester", CreatedAt = DateTimeOffset.UtcNow, VideoId = $"video_{Guid.NewGuid():N}",
        };
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        await Task.Delay(5);
        return take.Id;
    }
}
