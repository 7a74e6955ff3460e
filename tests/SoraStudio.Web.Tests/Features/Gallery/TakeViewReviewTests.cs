using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>The take view carries the review beside the player: state, rating, and the time-coded comment thread.</summary>
public sealed class TakeViewReviewTests : PageTestContext
{
    private async Task<(long ProjectId, long TakeId)> ReadyTakeAsync()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        await using var db = await Host.DbAsync();
        var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow.AddMinutes(-5));
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        db.Clips.AddRange(VideoVariant.All.Select(v => Rows.Clip(take.Id, v)));
        await db.SaveChangesAsync();
        return (projectId, take.Id);
    }

    private IRenderedComponent<TakeViewPage> Open(long takeId)
    {
        var page = Render<TakeViewPage>(p => p.Add(c => c.TakeId, takeId));
        page.WaitForAssertion(() => page.Find("[aria-label='Review'] [data-review-state]"));
        page.WaitForAssertion(() => Assert.Contains("Comments", page.Find(".comment-thread").TextContent));
        return page;
    }

    [Fact]
    public async Task TheOwnerReviewsAndCommentsBesideThePlayer()
    {
        var (_, takeId) = await ReadyTakeAsync();

        var page = Open(takeId);

        // The comment thread reads the player it sits beside.
        Assert.Equal("take-player", page.Find("video.take-player").Id);
        Assert.NotNull(page.Find(".take-page__grid .take-page__review .comment-thread"));
        Assert.Equal("Pending", page.Find("[data-review-state]").GetAttribute("data-review-state"));
        Assert.NotNull(page.FindByLabelText("Comment"));
        Assert.Contains(page.FindAll(".take-page__actions button"), b => b.TextContent.Contains("Select for timeline"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".lineage button[aria-label^='Edit take'], .lineage button[aria-label^='Remix take']")));

        Button(page, "Approve").Click();

        page.WaitForAssertion(() => Assert.Equal("Approved", page.Find("[data-review-state]").GetAttribute("data-review-state")));
        Assert.Equal(ReviewState.Approved, (await Host.Get<ReviewService>().GetAsync(takeId)).State);
    }

    [Fact]
    public async Task AViewerSeesTheReviewButCannotChangeItOrComment()
    {
        var (projectId, takeId) = await ReadyTakeAsync();
        await Host.Get<ReviewService>().RequestChangesAsync(takeId, "Warmer <b>light</b>");
        var viewer = await Host.CreateUserAsync("Vic Viewer");
        await Host.AddMemberAsync(projectId, viewer, ProjectRole.Viewer);
        ActAs(viewer);

        var page = Open(takeId);

        Assert.Equal("ChangesRequested", page.Find("[data-review-state]").GetAttribute("data-review-state"));
        // The note is text, not markup.
        Assert.Contains("Warmer <b>light</b>", page.Find("[aria-label='Review']").TextContent);
        Assert.DoesNotContain(page.FindAll("[aria-label='Review'] button"), b => b.TextContent.Contains("Approve"));
        Assert.Contains("you can see the review", page.Find("[aria-label='Review']").TextContent);
        Assert.Empty(page.FindAll("[aria-label='New comment']"));
        // Nor the editing actions.
        Assert.DoesNotContain(page.FindAll(".take-page__actions button"), b => b.TextContent.Contains("Remix") || b.TextContent.Contains("Select for timeline") || b.TextContent.Contains("regenerate"));
        // Nor does the lineage offer to edit or remix: only to diff.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".lineage button[aria-label^='Diff take']")));
        Assert.Empty(page.FindAll(".lineage button[aria-label^='Edit take'], .lineage button[aria-label^='Remix take']"));
    }
}
