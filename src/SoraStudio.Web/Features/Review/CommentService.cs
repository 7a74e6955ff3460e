using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Review;

/// <summary>
/// Time-coded comments on a take: at a point or over a range, replies one level deep, @mentions of members,
/// resolve and reopen, edit and delete one's own, and "turn into remix". Every change is published at once.
/// </summary>
public sealed class CommentService(
    IDbContextFactory<StudioDbContext> contexts,
    ProjectAccess access,
    GenerationService generation,
    EventStream<ReviewChanged> events,
    TimeProvider time)
{
    public async Task<CommentThreadData> ThreadAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var user = await access.UserAsync();
        var role = (await access.RoleAsync(db, projectId, cancellationToken))!.Value;
        var take = await db.Takes.Where(t => t.Id == takeId).Select(t => new { t.Seconds, t.Model, t.Spec }).SingleAsync(cancellationToken);
        var members = await MembersAsync(db, projectId, cancellationToken);
        var names = members.ToDictionary(m => m.UserId, m => m.Name);
        var rows = await db.TakeComments.AsNoTracking().Where(c => c.TakeId == takeId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.ParentCommentId, c.AuthorUserId, Author = c.Author != null ? c.Author.DisplayName : c.ImportedAuthorName, c.ImportedAuthorEmail, c.Body, c.StartSeconds, c.EndSeconds,
                c.CreatedAt, c.EditedAt, c.ResolvedAt, c.ResolvedByUserId, c.RemixTakeId, c.Mentions,
                RemixKind = db.Takes.Where(t => t.Id == c.RemixTakeId).Select(t => (TakeKind?)t.Kind).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var resolvers = await db.Users.AsNoTracking().Where(u => rows.Select(r => r.ResolvedByUserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var comments = rows.Select(c => new CommentView(c.Id, c.ParentCommentId, c.AuthorUserId ?? "", c.Author ?? "", c.Body, c.StartSeconds, c.EndSeconds,
                c.CreatedAt, c.EditedAt, c.ResolvedAt, c.ResolvedByUserId is { } by ? resolvers.GetValueOrDefault(by) ?? "a former member" : null,
                c.RemixTakeId, c.Mentions.Select(id => names.GetValueOrDefault(id) ?? "").Where(n => n.Length > 0).ToList(),
                c.AuthorUserId is null ? c.ImportedAuthorEmail : null, c.RemixKind))
            .ToList();
        return new CommentThreadData(takeId, projectId, take.Seconds, user.UserId, role, comments, members, generation.OneChangeKind(take.Model),
            BeatSchedule.ForTake(take.Spec, take.Seconds), BeatSchedule.LinesForTake(take.Spec, take.Seconds));
    }

    public async Task<long> AddAsync(long takeId, CommentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CommentRules.Check(input.Body) is { } problem)
            throw StudioException.Invalid("body", problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.Comment, cancellationToken);
        var user = await access.UserAsync();
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId).Select(t => new { t.Seconds, t.ShotId }).SingleAsync(cancellationToken);
        double? start = input.StartSeconds, end = input.EndSeconds;
        if (input.ParentId is { } parentId)
        {
            var parent = await db.TakeComments.AsNoTracking().Where(c => c.Id == parentId && c.TakeId == takeId).Select(c => new { c.ParentCommentId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw StudioException.NotFound("Comment", parentId);
            if (parent.ParentCommentId is not null)
                throw StudioException.Invalid("parentId", "Reply to the comment, not to a reply.");
            // A reply belongs to its comment's moment.
            start = end = null;
        }
        else
            CheckTimes(start, end, take.Seconds);

        var body = input.Body.Trim();
        var comment = new TakeComment
        {
            TakeId = takeId,
            ProjectId = projectId,
            ParentCommentId = input.ParentId,
            AuthorUserId = user.UserId,
            Body = body,
            StartSeconds = start is { } s ? Math.Round(s, 2) : null,
            EndSeconds = end is { } e ? Math.Round(e, 2) : null,
            Mentions = CommentRules.Mentions(body, await MembersAsync(db, projectId, cancellationToken)),
            CreatedAt = time.GetUtcNow(),
        };
        db.TakeComments.Add(comment);
        var at = start is { } t0 ? $" at {CommentRules.Format(t0)}{(end is { } t1 ? $"–{CommentRules.Format(t1)}" : "")}" : "";
        ActivityLog.Add(db, comment.CreatedAt, projectId, user, ActivityKind.Commented,
            $"{(input.ParentId is null ? "commented" : "replied")} on take {takeId}{at}: {Shorten(body)}", take.ShotId, takeId);
        await db.SaveChangesAsync(cancellationToken);
        Publish(projectId, takeId);
        return comment.Id;
    }

    public async Task EditAsync(long commentId, string body, CancellationToken cancellationToken = default)
    {
        if (CommentRules.Check(body) is { } problem)
            throw StudioException.Invalid("body", problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var comment = await OwnAsync(db, commentId, cancellationToken);
        comment.Body = body.Trim();
        comment.Mentions = CommentRules.Mentions(comment.Body, await MembersAsync(db, comment.ProjectId, cancellationToken));
        comment.EditedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Publish(comment.ProjectId, comment.TakeId);
    }

    /// <summary>Deletes one's own comment (with its replies).</summary>
    public async Task DeleteAsync(long commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var comment = await OwnAsync(db, commentId, cancellationToken);
        db.TakeComments.Remove(comment);
        await db.SaveChangesAsync(cancellationToken);
        Publish(comment.ProjectId, comment.TakeId);
    }

    public async Task ResolveAsync(long commentId, bool resolved, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var comment = await FindAsync(db, commentId, ProjectPermission.Comment, cancellationToken);
        if (comment.ParentCommentId is not null)
            throw StudioException.Invalid("commentId", "Resolve the comment, not a reply.");
        var user = await access.UserAsync();
        comment.ResolvedAt = resolved ? time.GetUtcNow() : null;
        comment.ResolvedByUserId = resolved ? user.UserId : null;
        await db.SaveChangesAsync(cancellationToken);
        Publish(comment.ProjectId, comment.TakeId);
    }

    /// <summary>
    /// Remixes the comment's take with <paramref name="instruction"/> (the comment's text, edited) and links the new
    /// take to the comment: approving that take resolves it. Needs the Editor or Owner role.
    /// </summary>
    public Task<long> RemixAsync(long commentId, string instruction, CancellationToken cancellationToken = default) =>
        TurnIntoTakeAsync(commentId, instruction, (takeId, text) => generation.RemixAsync(takeId, text, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// The review note → next iteration: like <see cref="RemixAsync"/>, but made the way the take's provider offers one
    /// change (<see cref="GenerationService.OneChangeKind"/>): an edit where it has edits, else a remix.
    /// </summary>
    public Task<long> ChangeAsync(long commentId, string instruction, CancellationToken cancellationToken = default) =>
        TurnIntoTakeAsync(commentId, instruction, (takeId, text) => generation.ChangeAsync(takeId, text, cancellationToken), cancellationToken);

    // The instruction goes to the provider without its @mentions: they address colleagues, not the video model.
    private async Task<long> TurnIntoTakeAsync(long commentId, string instruction, Func<long, string, Task<long>> makeTake, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var comment = await FindAsync(db, commentId, ProjectPermission.Edit, cancellationToken);
        if (comment.ParentCommentId is not null)
            throw StudioException.Invalid("commentId", "Turn the comment into a new take, not a reply.");
        if (comment.RemixTakeId is { } existing)
            throw new StudioException(StudioErrorKind.Conflict, $"This comment was already turned into take {existing}.");
        var takeId = await makeTake(comment.TakeId, CommentRules.WithoutMentions(instruction ?? "", await MembersAsync(db, comment.ProjectId, cancellationToken)));
        comment.RemixTakeId = takeId;
        await db.SaveChangesAsync(cancellationToken);
        Publish(comment.ProjectId, comment.TakeId);
        return takeId;
    }

    private static void CheckTimes(double? start, double? end, int seconds)
    {
        if (CommentRules.CheckTimes(start, end, seconds) is { } problem)
            throw StudioException.Invalid(problem.Field, problem.Problem);
    }

    private async Task<TakeComment> FindAsync(StudioDbContext db, long commentId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var comment = await db.TakeComments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) ?? throw StudioException.NotFound("Comment", commentId);
        try
        {
            await access.RequireProjectAsync(db, comment.ProjectId, permission, cancellationToken);
        }
        catch (StudioException e) when (e.Kind == StudioErrorKind.NotFound)
        {
            throw StudioException.NotFound("Comment", commentId);
        }
        return comment;
    }

    private async Task<TakeComment> OwnAsync(StudioDbContext db, long commentId, CancellationToken cancellationToken)
    {
        var comment = await FindAsync(db, commentId, ProjectPermission.View, cancellationToken);
        if (comment.AuthorUserId != (await access.UserAsync()).UserId)
            throw new StudioException(StudioErrorKind.Forbidden, "Only its author can edit or delete a comment.");
        return comment;
    }

    private static async Task<IReadOnlyList<(string UserId, string Name)>> MembersAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken) =>
        (await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync(cancellationToken))
        .Select(m => (m.UserId, m.DisplayName)).ToList();

    private void Publish(long projectId, long takeId)
    {
        events.Publish(new ReviewChanged(projectId, takeId, ReviewChangeKind.Comment));
        events.Publish(new ReviewChanged(projectId, takeId, ReviewChangeKind.Activity));
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
