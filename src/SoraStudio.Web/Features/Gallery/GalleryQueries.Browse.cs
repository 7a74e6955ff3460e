using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>The reads behind the gallery page, the timeline strip, the take view and the lineage; only of the user's projects.</summary>
public sealed partial class GalleryQueries
{
    public const int MaxSliceSize = 200;

    /// <summary>A slice of the takes the filter matches, in its order, and how many match in all.</summary>
    public async Task<GallerySlice> SearchAsync(GalleryFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (skip < 0)
            throw StudioException.Invalid("skip", "Skip cannot be negative.");
        if (take is < 1 or > MaxSliceSize)
            throw StudioException.Invalid("take", $"A slice holds 1 to {MaxSliceSize} takes.");
        if (filter.Text is { Length: > GalleryFilter.MaxTextLength })
            throw StudioException.Invalid("text", $"Search for at most {GalleryFilter.MaxTextLength} characters.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var takes = db.Takes.AsNoTracking();
        if (filter.ProjectId is { } projectId)
        {
            await EnsureProjectAsync(db, projectId, cancellationToken);
            takes = takes.Where(t => t.ProjectId == projectId);
        }
        else
        {
            // Across projects: only those the user is a member of.
            var visible = await access.VisibleProjectIdsAsync(db);
            takes = takes.Where(t => visible.Contains(t.ProjectId));
        }
        if (filter.ShotId is { } shotId)
            takes = takes.Where(t => t.ShotId == shotId);
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.Distinct().ToList();
            takes = takes.Where(t => statuses.Contains(t.Status));
        }
        if (!string.IsNullOrWhiteSpace(filter.Model))
            takes = takes.Where(t => t.Model == filter.Model);
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            takes = takes.Where(t => t.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            takes = takes.Where(t => t.CreatedAt < end);
        }
        if (filter.MinRating is { } stars)
        {
            if (stars is < 1 or > 5)
                throw StudioException.Invalid("minRating", "A rating is 1 to 5 stars.");
            takes = takes.Where(t => db.TakeReviews.Any(r => r.TakeId == t.Id && r.Rating >= stars));
        }
        if (filter.ReviewStates.Count > 0)
        {
            var states = filter.ReviewStates.Distinct().ToList();
            var pending = states.Contains(ReviewState.Pending);
            // No review row means pending.
            takes = takes.Where(t => db.TakeReviews.Any(r => r.TakeId == t.Id && states.Contains(r.State))
                || (pending && !db.TakeReviews.Any(r => r.TakeId == t.Id)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + EscapeLike(filter.Text.Trim()) + "%";
            takes = takes.Where(t => EF.Functions.Like(t.Prompt, pattern, "\\"));
        }
        var total = await takes.CountAsync(cancellationToken);
        takes = filter.Sort switch
        {
            GallerySort.Oldest => takes.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            GallerySort.CostHighest => takes.OrderByDescending(t => t.EstimatedCost).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            GallerySort.Longest => takes.OrderByDescending(t => t.Seconds).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            _ => takes.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        };
        var items = await takes.Skip(skip).Take(take)
            .Select(t => new GalleryItem(
                new TakeCard(t.Id, t.ShotId, t.ParentTakeId, t.RemixInstruction, t.Status, t.Progress, t.FailureClass, t.ErrorMessage,
                    t.Model, t.Size, t.Seconds, t.EstimatedCost, t.Cost, t.RequestedBy, t.CreatedAt, t.CompletedAt,
                    db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(),
                    db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Video).Select(c => c.RelativePath).FirstOrDefault(),
                    db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => (ReviewState?)r.State).FirstOrDefault(),
                    db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => r.Rating).FirstOrDefault(),
                    t.Kind, t.Number, t.SubmittedAt, t.ProgressAt),
                t.ProjectId, t.Project!.Name, t.Shot!.Title, t.Shot.SelectedTakeId == t.Id,
                db.Clips.Any(c => c.TakeId == t.Id && c.Variant == VideoVariant.Spritesheet)))
            .ToListAsync(cancellationToken);
        return new GallerySlice(items, total);
    }

    /// <summary>The models and shots the gallery's filters offer, for one project or all of them.</summary>
    public async Task<GalleryFacets> FacetsAsync(long? projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string? name = null;
        if (projectId is { } id)
        {
            await EnsureProjectAsync(db, id, cancellationToken);
            name = await db.Projects.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw StudioException.NotFound("Project", id);
        }
        var takes = db.Takes.AsNoTracking();
        if (projectId is { } only)
            takes = takes.Where(t => t.ProjectId == only);
        else
        {
            var visible = await access.VisibleProjectIdsAsync(db);
            takes = takes.Where(t => visible.Contains(t.ProjectId));
        }
        var models = await takes.Select(t => t.Model).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);
        var shots = projectId is { } p2
            ? await db.Shots.AsNoTracking().Where(s => s.ProjectId == p2).OrderBy(s => s.Position).ThenBy(s => s.Id)
                .Select(s => new ShotOption(s.Id, s.Title)).ToListAsync(cancellationToken)
            : [];
        return new GalleryFacets(name, models, shots);
    }

    /// <summary>The project's shots in order, each with its duration and selected take.</summary>
    public async Task<TimelineStrip> TimelineStripAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureProjectAsync(db, projectId, cancellationToken);
        var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var rows = await db.Shots.AsNoTracking()
            .Where(s => s.ProjectId == projectId)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Position,
                s.Title,
                s.Spec,
                s.SelectedTakeId,
                SelectedSeconds = (int?)s.SelectedTake!.Seconds,
                SelectedStatus = (TakeStatus?)s.SelectedTake!.Status,
                HasThumbnail = db.Clips.Any(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail),
                HasVideo = db.Clips.Any(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Video),
                TakeCount = s.Takes.Count(),
                ReadyCount = s.Takes.Count(t => t.Status == TakeStatus.Ready),
                ActiveCount = s.Takes.Count(t => TakeStateMachine.Active.Contains(t.Status)),
            })
            .ToListAsync(cancellationToken);
        var shots = rows.Select(r => new TimelineEntry(
            r.Id, r.Position, r.Title,
            r.SelectedSeconds ?? (r.Spec.Seconds > 0 ? r.Spec.Seconds : 4),
            r.SelectedTakeId, r.SelectedTakeId is null ? null : r.SelectedStatus,
            r.SelectedTakeId is not null && r.HasThumbnail, r.SelectedTakeId is not null && r.HasVideo,
            r.TakeCount, r.ReadyCount, r.ActiveCount)).ToList();
        return new TimelineStrip(projectId, name, shots);
    }

    /// <summary>Where a take belongs, and the provider's id of the video it was remixed from.</summary>
    public async Task<TakePlace> PlaceAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        return await db.Takes.AsNoTracking().Where(t => t.Id == takeId)
            .Select(t => new TakePlace(t.ProjectId, t.Project!.Name, t.ShotId, t.Shot!.Title, t.Shot.SelectedTakeId, t.ParentTake!.VideoId,
                (int?)t.ParentTake.Number, (TakeKind?)t.ParentTake.Kind, db.Takes.Where(r => r.Id == t.RetryOfTakeId).Select(r => (int?)r.Number).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Take", takeId);
    }

    /// <summary>All of a shot's takes as remix trees.</summary>
    public async Task<ShotLineage> LineageAsync(long shotId, CancellationToken cancellationToken = default)
    {
        var shot = await ShotHeadAsync(shotId, cancellationToken);
        var cards = await takeQueries.TakesOfShotAsync(shotId, cancellationToken);
        return new ShotLineage(shot.ProjectId, shotId, shot.Title, shot.SelectedTakeId, ShotLineage.Build(cards));
    }

    private async Task<(long ProjectId, string Title, long? SelectedTakeId)> ShotHeadAsync(long shotId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        var shot = await db.Shots.AsNoTracking().Where(s => s.Id == shotId).Select(s => new { s.ProjectId, s.Title, s.SelectedTakeId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
        return (shot.ProjectId, shot.Title, shot.SelectedTakeId);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
