using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Shots;

public sealed class ShotService(IDbContextFactory<StudioDbContext> contexts, IValidator<ShotInput> validator, ProjectAccess access, TimeProvider time)
{
    /// <summary>Adds a shot at the end of the project's timeline. A null spec starts from the project's default model and size.</summary>
    public async Task<long> AddAsync(long projectId, string title, ShotSpec? spec = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Edit, cancellationToken);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.DefaultModel, p.DefaultSize }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var input = new ShotInput(title, spec ?? ShotSpec.Empty with { Model = project.DefaultModel, Size = project.DefaultSize });
        await ValidateAsync(input, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var last = await db.Shots.Where(s => s.ProjectId == projectId).MaxAsync(s => (int?)s.Position, cancellationToken);
        var now = time.GetUtcNow();
        var shot = new Shot
        {
            ProjectId = projectId,
            Position = (last ?? -1) + 1,
            Title = input.Title.Trim(),
            Spec = input.Spec,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Shots.Add(shot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return shot.Id;
    }

    public async Task UpdateAsync(long shotId, ShotInput input, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shot = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        if (shot.ReferenceAssetId is null && input.Spec.ReferenceImage is not null)
            throw StudioException.Invalid("referenceImage", "Choose the reference image from the project's assets (SetReferenceAsync).");
        shot.Title = input.Title.Trim();
        // The reference image's description belongs to the asset; a draft cannot change it.
        shot.Spec = input.Spec with { ReferenceImage = shot.Spec.ReferenceImage };
        shot.Notes = input.Notes;
        shot.Overrides = input.Overrides ?? ShotOverrides.None;
        shot.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Uses one of the project's assets as the shot's first frame (null: none).</summary>
    public async Task SetReferenceAsync(long shotId, long? assetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shot = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        ReferenceImage? reference = null;
        if (assetId is { } id)
        {
            var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ProjectId == shot.ProjectId, cancellationToken)
                ?? throw StudioException.NotFound("Asset", id);
            reference = new ReferenceImage(asset.FileName, asset.ContentType, asset.Width, asset.Height);
        }
        var input = new ShotInput(shot.Title, shot.Spec with { ReferenceImage = reference }, shot.Notes, shot.Overrides);
        await ValidateAsync(input, cancellationToken);
        shot.ReferenceAssetId = assetId;
        shot.Spec = input.Spec;
        shot.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a shot to <paramref name="position"/> (0-based, clamped) on its timeline, shifting the others.</summary>
    public async Task MoveAsync(long shotId, int position, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var shot = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        var order = await db.Shots.Where(s => s.ProjectId == shot.ProjectId).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        order.Remove(order.Single(s => s.Id == shotId));
        order.Insert(Math.Clamp(position, 0, order.Count), shot);
        for (var i = 0; i < order.Count; i++)
            order[i].Position = i;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Chooses the take the timeline shows for the shot; it must be one of the shot's ready takes (null clears it).</summary>
    public async Task SelectTakeAsync(long shotId, long? takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shot = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        if (takeId is { } id)
        {
            var status = await db.Takes.Where(t => t.Id == id && t.ShotId == shotId).Select(t => (TakeStatus?)t.Status).SingleOrDefaultAsync(cancellationToken)
                ?? throw StudioException.NotFound("Take", id);
            if (status != TakeStatus.Ready)
                throw new StudioException(StudioErrorKind.Conflict, $"Take {id} is {status}; only a ready take can be selected.");
        }
        shot.SelectedTakeId = takeId;
        shot.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The project's shots in timeline order.</summary>
    public async Task<IReadOnlyList<ShotDetail>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        return await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new ShotDetail(s.Id, s.ProjectId, s.Position, s.Title, s.Spec, s.Overrides, s.Notes, s.ReferenceAssetId, s.SelectedTakeId, s.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Copies a shot (its spec, overrides, notes and reference image; not its takes) to just after it; returns the copy's id.</summary>
    public async Task<long> DuplicateAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var original = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        var later = await db.Shots.Where(s => s.ProjectId == original.ProjectId && s.Position > original.Position).ToListAsync(cancellationToken);
        foreach (var shot in later)
            shot.Position++;
        var now = time.GetUtcNow();
        var title = original.Title.Length == 0 ? "" : original.Title.Length > 192 ? original.Title : $"{original.Title} (copy)";
        var copy = new Shot
        {
            ProjectId = original.ProjectId,
            Position = original.Position + 1,
            Title = title,
            Spec = original.Spec,
            Overrides = original.Overrides,
            Notes = original.Notes,
            ReferenceAssetId = original.ReferenceAssetId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Shots.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copy.Id;
    }

    public async Task<ShotDetail> GetAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        return await db.Shots.AsNoTracking().Where(s => s.Id == shotId)
            .Select(s => new ShotDetail(s.Id, s.ProjectId, s.Position, s.Title, s.Spec, s.Overrides, s.Notes, s.ReferenceAssetId, s.SelectedTakeId, s.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
    }

    /// <summary>
    /// Deletes a shot and its takes; refused while one of its takes is still being generated. The shots after it move
    /// up one place in the same save, so positions stay 0, 1, 2… and every "Shot N" means the same shot everywhere.
    /// </summary>
    public async Task DeleteAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shot = await FindAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        var active = await db.Takes.CountAsync(t => t.ShotId == shotId && TakeStateMachine.Active.Contains(t.Status), cancellationToken);
        if (active > 0)
            throw new StudioException(StudioErrorKind.Conflict, $"The shot has {active} take(s) still generating; cancel them first.");
        db.Shots.Remove(shot);
        var later = await db.Shots.Where(s => s.ProjectId == shot.ProjectId && s.Position > shot.Position).ToListAsync(cancellationToken);
        foreach (var next in later)
            next.Position--;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Shot> FindAsync(StudioDbContext db, long shotId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        await access.RequireShotAsync(db, shotId, permission, cancellationToken);
        return await db.Shots.SingleOrDefaultAsync(s => s.Id == shotId, cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
    }

    private async Task ValidateAsync(ShotInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The shot cannot be saved.");
    }
}
