using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Review;

/// <summary>
/// Review states and ratings of takes (Owner and Reviewer), the approved take of each shot, and the queue of takes
/// waiting for the current user's review. Approving a take resolves the comments it was remixed from.
/// </summary>
public sealed class ReviewService(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access, EventStream<ReviewChanged> events, TimeProvider time)
{
    public const int MaxNote = 2000;

    public async Task<TakeReviewInfo> GetAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var role = (await access.RoleAsync(db, projectId, cancellationToken))!.Value;
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId)
            .Select(t => new { t.Id, t.ProjectId, t.ShotId, ShotTitle = t.Shot!.Title, ProjectName = t.Project!.Name, t.Status, t.Seconds, t.Prompt })
            .SingleAsync(cancellationToken);
        var review = await db.TakeReviews.AsNoTracking().Where(r => r.TakeId == takeId)
            .Select(r => new { r.State, r.Rating, r.Note, r.ReviewedAt, r.ImportedReviewerName, r.ImportedReviewerEmail, By = db.Users.Where(u => u.Id == r.ReviewedByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        var approved = await ApprovedTakeIdAsync(db, take.ShotId, cancellationToken);
        return new TakeReviewInfo(take.Id, take.ProjectId, take.ShotId, take.ShotTitle, take.ProjectName, take.Status, take.Seconds, take.Prompt,
            review?.State ?? ReviewState.Pending, review?.Rating, review?.Note ?? "",
            review?.By ?? (review?.ImportedReviewerName is { } imported ? $"{imported} ({(review.ImportedReviewerEmail is { Length: > 0 } email ? email + ", " : "")}imported)" : null), review?.ReviewedAt, approved == takeId, role);
    }

    /// <summary>The shot's approved take: the one approved most recently, or null.</summary>
    public async Task<long?> ApprovedTakeAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        return await ApprovedTakeIdAsync(db, shotId, cancellationToken);
    }

    public Task ApproveAsync(long takeId, CancellationToken cancellationToken = default) =>
        SetStateAsync(takeId, ReviewState.Approved, "", cancellationToken);

    public Task RequestChangesAsync(long takeId, string note, CancellationToken cancellationToken = default)
    {
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
            throw StudioException.Invalid("note", "Say what should change: a request for changes needs a note.");
        if (text.Length > MaxNote)
            throw StudioException.Invalid("note", $"A note holds at most {MaxNote} characters.");
        return SetStateAsync(takeId, ReviewState.ChangesRequested, text, cancellationToken);
    }

    /// <summary>Puts the take back to pending (it returns to the review queue).</summary>
    public Task ResetAsync(long takeId, CancellationToken cancellationToken = default) =>
        SetStateAsync(takeId, ReviewState.Pending, "", cancellationToken);

    /// <summary>Rates the take 1–5 (null clears the rating).</summary>
    public async Task RateAsync(long takeId, int? rating, CancellationToken cancellationToken = default)
    {
        if (rating is < 1 or > 5)
            throw StudioException.Invalid("rating", "A rating is 1 to 5 stars.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.Review, cancellationToken);
        var user = await access.UserAsync();
        var review = await FindOrAddAsync(db, takeId, cancellationToken);
        review.Rating = rating;
        ActivityLog.Add(db, time.GetUtcNow(), projectId, user, ActivityKind.Rated,
            rating is { } stars ? $"rated take {takeId} {stars} of 5" : $"cleared the rating of take {takeId}", review.ShotId, takeId);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new ReviewChanged(projectId, takeId, ReviewChangeKind.Review, new ReviewMark(review.State, review.Rating)));
    }

    /// <summary>Ready takes still pending in the projects where the current user reviews, newest first.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(int max = 200, CancellationToken cancellationToken = default)
    {
        var user = await access.UserAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviewing = db.ProjectMembers.Where(m => m.UserId == user.UserId && (m.Role == ProjectRole.Owner || m.Role == ProjectRole.Reviewer)).Select(m => m.ProjectId);
        return await db.Takes.AsNoTracking()
            .Where(t => t.Status == TakeStatus.Ready && reviewing.Contains(t.ProjectId)
                && !db.TakeReviews.Any(r => r.TakeId == t.Id && r.State != ReviewState.Pending))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(max)
            .Select(t => new QueueItem(t.Id, t.ProjectId, t.Project!.Name, t.ShotId, t.Shot!.Title, t.RequestedBy, t.CreatedAt,
                db.TakeComments.Count(c => c.TakeId == t.Id && c.ParentCommentId == null && c.ResolvedAt == null),
                db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(), t.Number))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Open comments that @mention the current user, in projects they are still a member of, newest first.</summary>
    public async Task<IReadOnlyList<MentionItem>> MentionsAsync(int max = 50, CancellationToken cancellationToken = default)
    {
        var user = await access.UserAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pattern = $"%,{user.UserId},%";
        // Raw SQL: mentions are a list stored as comma-separated user ids through a value converter, which LINQ cannot look inside.
        var mentioning = db.TakeComments.FromSqlInterpolated($"SELECT * FROM TakeComments WHERE ',' || Mentions || ',' LIKE {pattern}");
        var mine = db.ProjectMembers.Where(m => m.UserId == user.UserId).Select(m => m.ProjectId);
        return await mentioning.AsNoTracking()
            .Where(c => c.ResolvedAt == null && mine.Contains(c.ProjectId))
            .OrderByDescending(c => c.CreatedAt).Take(max)
            .Select(c => new MentionItem(c.Id, c.TakeId, c.Take!.Shot!.Title, c.Take.Project!.Name, c.Author != null ? c.Author.DisplayName : c.ImportedAuthorName ?? "", c.Body, c.StartSeconds, c.CreatedAt, c.Take.Number))
            .ToListAsync(cancellationToken);
    }

    private async Task SetStateAsync(long takeId, ReviewState state, string note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.Review, cancellationToken);
        var user = await access.UserAsync();
        var status = await db.Takes.Where(t => t.Id == takeId).Select(t => t.Status).SingleAsync(cancellationToken);
        if (state != ReviewState.Pending && status != TakeStatus.Ready)
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId} is {status}; only a ready take can be reviewed.");
        var now = time.GetUtcNow();
        var threads = new HashSet<long>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await FindOrAddAsync(db, takeId, cancellationToken);
        review.State = state;
        review.Note = note;
        review.ReviewedByUserId = user.UserId;
        review.ImportedReviewerName = review.ImportedReviewerEmail = null;
        review.ReviewedAt = now;
        if (state == ReviewState.Approved)
        {
            // The loop closes: the notes this take was remixed from are done.
            var answered = await db.TakeComments.Where(c => c.RemixTakeId == takeId && c.ResolvedAt == null).ToListAsync(cancellationToken);
            foreach (var comment in answered)
            {
                comment.ResolvedAt = now;
                comment.ResolvedByUserId = user.UserId;
                threads.Add(comment.TakeId);
            }
            ActivityLog.Add(db, now, projectId, user, ActivityKind.Approved, $"approved take {takeId}", review.ShotId, takeId);
        }
        else if (state == ReviewState.ChangesRequested)
            ActivityLog.Add(db, now, projectId, user, ActivityKind.ChangesRequested, $"asked for changes to take {takeId}: {note}", review.ShotId, takeId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new ReviewChanged(projectId, takeId, ReviewChangeKind.Review, new ReviewMark(review.State, review.Rating)));
        events.Publish(new ReviewChanged(projectId, takeId, ReviewChangeKind.Activity));
        // The resolved notes live on the takes the remix was made from.
        foreach (var thread in threads)
            events.Publish(new ReviewChanged(projectId, thread, ReviewChangeKind.Comment));
    }

    private static async Task<TakeReview> FindOrAddAsync(StudioDbContext db, long takeId, CancellationToken cancellationToken)
    {
        if (await db.TakeReviews.SingleOrDefaultAsync(r => r.TakeId == takeId, cancellationToken) is { } existing)
            return existing;
        var take = await db.Takes.Where(t => t.Id == takeId).Select(t => new { t.ProjectId, t.ShotId }).SingleAsync(cancellationToken);
        var review = new TakeReview { TakeId = takeId, ProjectId = take.ProjectId, ShotId = take.ShotId, State = ReviewState.Pending };
        db.TakeReviews.Add(review);
        return review;
    }

    private static Task<long?> ApprovedTakeIdAsync(StudioDbContext db, long shotId, CancellationToken cancellationToken) =>
        db.TakeReviews.AsNoTracking().Where(r => r.ShotId == shotId && r.State == ReviewState.Approved)
            .OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.TakeId)
            .Select(r => (long?)r.TakeId).FirstOrDefaultAsync(cancellationToken);
}
