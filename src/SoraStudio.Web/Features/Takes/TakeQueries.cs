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
}
