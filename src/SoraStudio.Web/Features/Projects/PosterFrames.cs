using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;

namespace SoraStudio.Web.Features.Projects;

/// <summary>
/// Which take's thumbnail stands for a shot or a project: a shot's selected take, else its latest ready take; a
/// project's first shot (in timeline order) with a selected take, else its latest ready take. Only takes with a
/// thumbnail count; where none has one there is no poster (the page shows a placeholder).
/// </summary>
public sealed class PosterFrames(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access)
{
    /// <summary>Shot id → the take whose thumbnail is its poster, for the project's shots that have one.</summary>
    public async Task<IReadOnlyDictionary<long, long>> ForShotsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var shots = await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId)
            .Select(s => new
            {
                s.Id,
                Selected = db.Clips.Where(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail).Select(c => (long?)c.TakeId).FirstOrDefault(),
                Latest = db.Takes.Where(t => t.ShotId == s.Id && t.Status == TakeStatus.Ready && t.Clips.Any(c => c.Variant == VideoVariant.Thumbnail))
                    .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return shots.Where(s => (s.Selected ?? s.Latest) is not null).ToDictionary(s => s.Id, s => (s.Selected ?? s.Latest)!.Value);
    }

    /// <summary>Project id → the take whose thumbnail is its poster, for those of the projects the user sees that have one.</summary>
    public async Task<IReadOnlyDictionary<long, long>> ForProjectsAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await access.VisibleProjectIdsAsync(db);
        var ids = projectIds.ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id) && visible.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Selected = db.Shots.Where(s => s.ProjectId == p.Id && db.Clips.Any(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail))
                    .OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => s.SelectedTakeId).FirstOrDefault(),
                Latest = db.Takes.Where(t => t.ProjectId == p.Id && t.Status == TakeStatus.Ready && t.Clips.Any(c => c.Variant == VideoVariant.Thumbnail))
                    .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return projects.Where(p => (p.Selected ?? p.Latest) is not null).ToDictionary(p => p.Id, p => (p.Selected ?? p.Latest)!.Value);
    }
}
