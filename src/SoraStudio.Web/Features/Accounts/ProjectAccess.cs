using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

/// <summary>
/// The one place the application services ask "may the current user do this here?". A project the user is not a
/// member of answers exactly like one that does not exist, so guessed ids reveal nothing.
/// </summary>
public sealed class ProjectAccess(CurrentUser currentUser)
{
    public ValueTask<StudioIdentity> UserAsync() => currentUser.GetAsync();

    /// <summary>The projects the current user is a member of.</summary>
    public async Task<IQueryable<long>> VisibleProjectIdsAsync(StudioDbContext db)
    {
        var user = await currentUser.GetAsync();
        return user.IsSystem ? db.Projects.Select(p => p.Id) : db.ProjectMembers.Where(m => m.UserId == user.UserId).Select(m => m.ProjectId);
    }

    /// <summary>The current user's role in each project they are a member of (every project, as Owner, for the system).</summary>
    public async Task<Dictionary<long, ProjectRole>> RolesAsync(StudioDbContext db, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        return user.IsSystem
            ? await db.Projects.Select(p => p.Id).ToDictionaryAsync(id => id, _ => ProjectRole.Owner, cancellationToken)
            : await db.ProjectMembers.Where(m => m.UserId == user.UserId).ToDictionaryAsync(m => m.ProjectId, m => m.Role, cancellationToken);
    }

    /// <summary>The current user's role in the project, or null for no membership.</summary>
    public async Task<ProjectRole?> RoleAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.IsSystem)
            return ProjectRole.Owner;
        return await MemberRole(db, projectId, user.UserId, cancellationToken);
    }

    public async Task<StudioIdentity> RequireProjectAsync(StudioDbContext db, long projectId, ProjectPermission permission, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        Require(await RoleAsync(db, projectId, cancellationToken), permission, StudioException.NotFound("Project", projectId));
        return user;
    }

    /// <summary>Checks the role on the shot's project; returns the project's id.</summary>
    public Task<long> RequireShotAsync(StudioDbContext db, long shotId, ProjectPermission permission, CancellationToken cancellationToken = default) =>
        RequireAsync(ShotProject, db, shotId, permission, StudioException.NotFound("Shot", shotId), cancellationToken);

    /// <summary>Checks the role on the take's project; returns the project's id.</summary>
    public Task<long> RequireTakeAsync(StudioDbContext db, long takeId, ProjectPermission permission, CancellationToken cancellationToken = default) =>
        RequireAsync(TakeProject, db, takeId, permission, StudioException.NotFound("Take", takeId), cancellationToken);

    public Task<long> RequireAssetAsync(StudioDbContext db, long assetId, ProjectPermission permission, CancellationToken cancellationToken = default) =>
        RequireAsync(AssetProject, db, assetId, permission, StudioException.NotFound("Asset", assetId), cancellationToken);

    /// <summary>The thing's project and the user's role there, found in one query; returns the project's id.</summary>
    private async Task<long> RequireAsync(Func<StudioDbContext, long, string, CancellationToken, Task<ProjectMembership?>> find,
        StudioDbContext db, long id, ProjectPermission permission, StudioException notFound, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        var found = await find(db, id, user.UserId, cancellationToken) ?? throw notFound;
        Require(user.IsSystem ? ProjectRole.Owner : found.Role, permission, notFound);
        return found.ProjectId;
    }

    private static void Require(ProjectRole? role, ProjectPermission permission, StudioException notFound)
    {
        if (role is not { } held)
            throw notFound;
        if (!held.Allows(permission))
            throw new StudioException(StudioErrorKind.Forbidden, $"As a {held} of this project you cannot {ProjectPermissions.Describe(permission)}.");
    }

    // Compiled: every page and API request asks one of these, and EF Core's per-query translation costs more than
    // SQLite's answer (docs/PERFORMANCE.md, concurrent API reads).

    private static readonly Func<StudioDbContext, long, string, CancellationToken, Task<ProjectRole?>> MemberRole = EF.CompileAsyncQuery(
        (StudioDbContext db, long projectId, string userId, CancellationToken _) =>
            db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).SingleOrDefault());

    private static readonly Func<StudioDbContext, long, string, CancellationToken, Task<ProjectMembership?>> ShotProject = EF.CompileAsyncQuery(
        (StudioDbContext db, long shotId, string userId, CancellationToken _) => db.Shots.Where(s => s.Id == shotId)
            .Select(s => new ProjectMembership(s.ProjectId,
                db.ProjectMembers.Where(m => m.ProjectId == s.ProjectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault()))
            .SingleOrDefault());

    private static readonly Func<StudioDbContext, long, string, CancellationToken, Task<ProjectMembership?>> TakeProject = EF.CompileAsyncQuery(
        (StudioDbContext db, long takeId, string userId, CancellationToken _) => db.Takes.Where(t => t.Id == takeId)
            .Select(t => new ProjectMembership(t.ProjectId,
                db.ProjectMembers.Where(m => m.ProjectId == t.ProjectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault()))
            .SingleOrDefault());

    private static readonly Func<StudioDbContext, long, string, CancellationToken, Task<ProjectMembership?>> AssetProject = EF.CompileAsyncQuery(
        (StudioDbContext db, long assetId, string userId, CancellationToken _) => db.Assets.Where(a => a.Id == assetId)
            .Select(a => new ProjectMembership(a.ProjectId,
                db.ProjectMembers.Where(m => m.ProjectId == a.ProjectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault()))
            .SingleOrDefault());

    private sealed record ProjectMembership(long ProjectId, ProjectRole? Role);
}
