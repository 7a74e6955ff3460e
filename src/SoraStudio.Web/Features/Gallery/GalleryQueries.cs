using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>The reads behind the timeline and the gallery: no tracking, projected to what the page shows.</summary>
public sealed partial class GalleryQueries(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access, TakeQueries takeQueries)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<TimelineShot>> TimelineAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureProjectAsync(db, projectId, cancellationToken);
        return await db.Shots.AsNoTracking()
            .Where(s => s.ProjectId == projectId)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new TimelineShot(
                s.Id,
                s.Position,
                s.Title,
                s.SelectedTakeId,
                db.Clips.Where(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(),
                db.Clips.Where(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Video).Select(c => c.RelativePath).FirstOrDefault(),
                s.Takes.Count(),
                s.Takes.Count(t => t.Status == TakeStatus.Ready),
                s.Takes.Count(t => TakeStateMachine.Active.Contains(t.Status))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A project's takes, newest first, a page at a time, optionally of one status.</summary>
    public async Task<TakePage> ProjectTakesAsync(long projectId, TakeStatus? status = null, int page = 1, int pageSize = 48, CancellationToken cancellationToken = default)
    {
        if (page < 1)
            throw StudioException.Invalid("page", "Pages start at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            throw StudioException.Invalid("pageSize", $"A page holds 1 to {MaxPageSize} takes.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureProjectAsync(db, projectId, cancellationToken);
        var skip = (page - 1) * pageSize;
        var (total, cards) = status is { } only
            ? (await CountOfStatus(db, projectId, only, cancellationToken), NewestOfStatus(db, projectId, only, skip, pageSize))
            : (await CountAll(db, projectId, cancellationToken), NewestAll(db, projectId, skip, pageSize));
        return new TakePage(await cards.ToListAsync(cancellationToken), total, page, pageSize);
    }

    public async Task<TakeDetail> TakeAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        return await Detail(db, takeId, cancellationToken) ?? throw StudioException.NotFound("Take", takeId);
    }

    // The automation API's reads, compiled: under many concurrent readers EF Core's translation of each LINQ query (the
    // card is a large expression) cost more CPU than SQLite's answer (docs/PERFORMANCE.md, concurrent API reads).

    private static readonly Func<StudioDbContext, long, CancellationToken, Task<int>> CountAll = EF.CompileAsyncQuery(
        (StudioDbContext db, long projectId, CancellationToken _) => db.Takes.Count(t => t.ProjectId == projectId));

    private static readonly Func<StudioDbContext, long, TakeStatus, CancellationToken, Task<int>> CountOfStatus = EF.CompileAsyncQuery(
        (StudioDbContext db, long projectId, TakeStatus status, CancellationToken _) => db.Takes.Count(t => t.ProjectId == projectId && t.Status == status));

    private static readonly Func<StudioDbContext, long, int, int, IAsyncEnumerable<TakeCard>> NewestAll = EF.CompileAsyncQuery<StudioDbContext, long, int, int, TakeCard>(
        TakeCards.Inline<Func<StudioDbContext, long, int, int, IQueryable<TakeCard>>>((db, projectId, skip, take) => db.Takes.AsNoTracking()
            .Where(t => t.ProjectId == projectId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(take)
            .Select(t => TakeCards.AsCard(db, t))));

    private static readonly Func<StudioDbContext, long, TakeStatus, int, int, IAsyncEnumerable<TakeCard>> NewestOfStatus = EF.CompileAsyncQuery<StudioDbContext, long, TakeStatus, int, int, TakeCard>(
        TakeCards.Inline<Func<StudioDbContext, long, TakeStatus, int, int, IQueryable<TakeCard>>>((db, projectId, status, skip, take) => db.Takes.AsNoTracking()
            .Where(t => t.ProjectId == projectId && t.Status == status)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(take)
            .Select(t => TakeCards.AsCard(db, t))));

    private static readonly Func<StudioDbContext, long, CancellationToken, Task<TakeDetail?>> Detail = EF.CompileAsyncQuery(
        TakeCards.Inline<Func<StudioDbContext, long, CancellationToken, TakeDetail?>>((db, takeId, _) => db.Takes.AsNoTracking()
            .Where(t => t.Id == takeId)
            .Select(t => new TakeDetail(TakeCards.AsCard(db, t), t.ProjectId, t.Prompt, t.Spec, t.VideoId, t.RetryOfTakeId, t.Attempts, t.SubmittedAt, t.ExpiresAt,
                t.Clips.OrderBy(c => c.Id)
                    .Select(c => new ClipInfo(c.Id, c.Variant, c.RelativePath, c.Bytes, c.Sha256, c.ContentType, c.Width, c.Height, c.DurationSeconds))
                    .ToList()))
            .SingleOrDefault()));

    /// <summary>The remix tree a take belongs to, from its root take down, parents before children.</summary>
    public async Task<IReadOnlyList<RemixNode>> RemixTreeAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var shotId = await db.Takes.Where(t => t.Id == takeId).Select(t => (long?)t.ShotId).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", takeId);
        // Remixes stay on their parent's shot, so the tree lies within the shot's takes.
        var nodes = await db.Takes.AsNoTracking().Where(t => t.ShotId == shotId)
            .Select(t => new RemixNode(t.Id, t.ParentTakeId, t.RemixInstruction, t.Status,
                db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(),
                t.CreatedAt, t.Kind))
            .ToListAsync(cancellationToken);
        var byId = nodes.ToDictionary(n => n.TakeId);
        var root = byId[takeId];
        while (root.ParentTakeId is { } parent && byId.TryGetValue(parent, out var up))
            root = up;
        var children = nodes.Where(n => n.ParentTakeId is not null).ToLookup(n => n.ParentTakeId!.Value);
        var tree = new List<RemixNode>();
        var queue = new Queue<RemixNode>([root]);
        while (queue.TryDequeue(out var node))
        {
            tree.Add(node);
            foreach (var child in children[node.TakeId].OrderBy(c => c.CreatedAt).ThenBy(c => c.TakeId))
                queue.Enqueue(child);
        }
        return tree;
    }

    public async Task<ProjectActivity> ActivityAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var budget = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Budget }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        // One pass over the project's takes; the budget rule (what counts as committed) is Budget's.
        var byStatus = await db.Takes.Where(t => t.ProjectId == projectId).GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Estimated = g.Sum(t => t.EstimatedCost), Submitted = g.Sum(t => t.Cost) })
            .ToListAsync(cancellationToken);
        return new ProjectActivity(
            byStatus.ToDictionary(s => s.Status, s => s.Count),
            byStatus.Where(s => Budget.Counts(s.Status)).Sum(s => s.Estimated),
            byStatus.Sum(s => s.Submitted ?? 0),
            budget.Budget);
    }

    /// <summary>The current user's role in the project (null: not a member), so pages offer only what the role allows.</summary>
    public async Task<ProjectRole?> RoleAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await access.RoleAsync(db, projectId, cancellationToken);
    }

    private async Task EnsureProjectAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken) =>
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
}
