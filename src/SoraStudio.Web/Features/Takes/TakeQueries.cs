using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Takes;

/// <summary>The reads of takes as cards that the gallery builds on: no tracking, projected by <see cref="TakeCards"/>.</summary>
public sealed class TakeQueries(IDbContextFactory<StudioDbContext> contexts, ProjectAccess access)
{
    /// <summary>A shot's takes, newest first.</summary>
    public async Task<IReadOnlyList<TakeCard>> TakesOfShotAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        return await db.Takes.AsNoTracking()
            .Where(t => t.ShotId == shotId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(TakeCards.Of(db))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The model, the prompt and the number (in its project) of a take: what a dialog that makes a child of it starts from.</summary>
    public async Task<(string Model, string Prompt, int Number)> ModelAndPromptAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId).Select(t => new { t.Model, t.Prompt, t.Number }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", takeId);
        return (take.Model, take.Prompt, take.Number);
    }

    /// <summary>Whether any take of the shot is queued or being made: the shot page then opens on its takes.</summary>
    public async Task<bool> AnyActiveAsync(long shotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        TakeStatus[] active = [.. TakeStateMachine.Active];
        return await db.Takes.AnyAsync(t => t.ShotId == shotId && active.Contains(t.Status), cancellationToken);
    }
}
