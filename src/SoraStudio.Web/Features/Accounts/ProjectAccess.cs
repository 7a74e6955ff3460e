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

    /// <summary>The current user's role in the project, or null for no membership.</summary>
    public async Task<ProjectRole?> RoleAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.IsSystem)
            return ProjectRole.Owner;
        return await db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == user.UserId)
            .Select(m => (ProjectRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<StudioIdentity> RequireProjectAsync(StudioDbContext db, long projectId, ProjectPermission permission, CancellationToken cancellationToken = default) =>
        await RequireAsync(db, projectId, permission, StudioException.NotFound("Project", projectId), cancellationToken);

    /// <summary>Checks the role on the shot's project; returns the project's id.</summary>
    public async Task<long> RequireShotAsync(StudioDbContext db, long shotId, ProjectPermission permission, CancellationToken cancellationToken = default)
    {
        var projectId = await db.Shots.Where(s => s.Id == shotId).Select(s => (long?)s.ProjectId).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Shot", shotId);
        await RequireAsync(db, projectId, permission, StudioException.NotFound("Shot", shotId), cancellationToken);
        return projectId;
    }

    /// <summary>Checks the role on the take's project; returns the project's id.</summary>
    public async Task<long> RequireTakeAsync(StudioDbContext db, long takeId, ProjectPermission permission, CancellationToken cancellationToken = default)
    {
        var projectId = await db.Takes.Where(t => t.Id == takeId).Select(t => (long?)t.ProjectId).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", takeId);
        await RequireAsync(db, projectId, permission, StudioException.NotFound("Take", takeId), cancellationToken);
        return projectId;
    }

    public async Task<long> RequireAssetAsync(StudioDbContext db, long assetId, ProjectPermission permission, CancellationToken cancellationToken = default)
    {
        var projectId = await db.Assets.Where(a => a.Id == assetId).Select(a => (long?)a.ProjectId).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Asset", assetId);
        await RequireAsync(db, projectId, permission, StudioException.NotFound("Asset", assetId), cancellationToken);
        return projectId;
    }

    private async Task<StudioIdentity> RequireAsync(StudioDbContext db, long projectId, ProjectPermission permission, StudioException notFound, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        var role = await RoleAsync(db, projectId, cancellationToken) ?? throw notFound;
        if (!role.Allows(permission))
            throw new StudioException(StudioErrorKind.Forbidden, $"As a {role} of this project you cannot {ProjectPermissions.Describe(permission)}.");
        return user;
    }
}
