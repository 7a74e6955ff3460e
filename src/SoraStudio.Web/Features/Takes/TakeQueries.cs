using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;

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

    /// <summary>The model and the prompt of a take: what a dialog that makes a child of it starts from.</summary>
    public async Task<(string Model, string Prompt)> ModelAndPromptAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId).Select(t => new { t.Model, t.Prompt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", takeId);
        return (take.Model, take.Prompt);
    }
}
