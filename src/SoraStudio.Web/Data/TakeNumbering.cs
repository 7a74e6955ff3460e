using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>
/// Gives every new take its number within its project (<see cref="Take.Number"/>) as it is saved, whoever adds it (a
/// generation, an import, a test): the project's counter (<see cref="Project.LastTakeNumber"/>) goes up in the same
/// transaction as the insert, so two requests at once cannot take the same number and a deleted take's number is not given again.
/// </summary>
internal static class TakeNumbering
{
    public static int SaveChanges(StudioDbContext db, Func<int> save)
    {
        var pending = Unnumbered(db);
        if (pending.Count == 0)
            return save();
        var own = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        try
        {
            foreach (var (project, takes) in pending)
            {
                var last = project.Stored is { } id ? Reserve(db, id, takes.Count) : (project.New!.LastTakeNumber += takes.Count);
                Number(takes, last);
            }
            var saved = save();
            own?.Commit();
            return saved;
        }
        catch
        {
            Forget(pending);
            throw;
        }
        finally
        {
            own?.Dispose();
        }
    }

    public static async Task<int> SaveChangesAsync(StudioDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var pending = Unnumbered(db);
        if (pending.Count == 0)
            return await save();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var (project, takes) in pending)
            {
                var last = project.Stored is { } id ? await ReserveAsync(db, id, takes.Count, cancellationToken) : (project.New!.LastTakeNumber += takes.Count);
                Number(takes, last);
            }
            var saved = await save();
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return saved;
        }
        catch
        {
            Forget(pending);
            throw;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>A stored project (its id) or one added in the same save (its entity).</summary>
    private readonly record struct ProjectRef(long? Stored, Project? New);

    /// <summary>The takes to number, by project, each project's in creation order (then the order they were added).</summary>
    private static List<(ProjectRef Project, List<Take> Takes)> Unnumbered(StudioDbContext db) =>
        db.ChangeTracker.Entries<Take>()
            .Where(e => e.State == EntityState.Added && e.Entity.Number == 0)
            .Select(e => e.Entity)
            .GroupBy(t => t.ProjectId != 0 ? new ProjectRef(t.ProjectId, null)
                : t.Project is { Id: 0 } added ? new ProjectRef(null, added) : new ProjectRef(t.Project?.Id ?? 0, null))
            .Select(g => (g.Key, g.OrderBy(t => t.CreatedAt).ToList()))
            .ToList();

    private static void Number(List<Take> takes, int last)
    {
        var next = last - takes.Count + 1;
        foreach (var take in takes)
            take.Number = next++;
    }

    private static void Forget(List<(ProjectRef Project, List<Take> Takes)> pending)
    {
        foreach (var take in pending.SelectMany(p => p.Takes))
            take.Number = 0;
    }

    private static int Reserve(StudioDbContext db, long projectId, int count)
    {
        db.Projects.Where(p => p.Id == projectId).ExecuteUpdate(s => s.SetProperty(p => p.LastTakeNumber, p => p.LastTakeNumber + count));
        return db.Projects.Where(p => p.Id == projectId).Select(p => p.LastTakeNumber).SingleOrDefault();
    }

    private static async Task<int> ReserveAsync(StudioDbContext db, long projectId, int count, CancellationToken cancellationToken)
    {
        await db.Projects.Where(p => p.Id == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastTakeNumber, p => p.LastTakeNumber + count), cancellationToken);
        return await db.Projects.Where(p => p.Id == projectId).Select(p => p.LastTakeNumber).SingleOrDefaultAsync(cancellationToken);
    }
}
