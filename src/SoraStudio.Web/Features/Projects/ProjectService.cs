using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Costs;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Projects;

/// <summary>Projects; the creator becomes the Owner, and only members see a project (see <see cref="ProjectAccess"/>).</summary>
public sealed class ProjectService(IDbContextFactory<StudioDbContext> contexts, IValidator<ProjectInput> validator, ProjectAccess access, TimeProvider time)
{
    public async Task<long> CreateAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, cancellationToken);
        var user = await access.UserAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var project = new Project { CreatedAt = now };
        Apply(input, project);
        db.Projects.Add(project);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!user.IsSystem)
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.UserId, Role = ProjectRole.Owner, AddedAt = now });
        ActivityLog.Add(db, now, project.Id, user, ActivityKind.ProjectCreated, $"created the project “{project.Name}”");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project.Id;
    }

    public async Task UpdateAsync(long projectId, ProjectInput input, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The budget and the project's defaults are the Owner's.
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        Apply(input, project);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ProjectSummary> GetAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        return await Summaries(db.Projects.Where(p => p.Id == projectId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
    }

    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await access.VisibleProjectIdsAsync(db);
        return await Summaries(db.Projects.Where(p => visible.Contains(p.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>Gives the project another name, leaving everything else as it is.</summary>
    public async Task RenameAsync(long projectId, string name, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(projectId, cancellationToken);
        await UpdateAsync(projectId, new ProjectInput(name ?? "", current.Description, current.DefaultModel, current.DefaultSize, current.Budget, current.StyleBible),
            cancellationToken);
    }

    /// <summary>Archives the project (hidden from the list, nothing deleted) or restores it: the Owner's.</summary>
    public async Task SetArchivedAsync(long projectId, bool archived, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        project.Archived = archived;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces the project's style bible, which every shot inherits: composing, so Editors may too.</summary>
    public async Task SetStyleBibleAsync(long projectId, StyleBible bible, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Edit, cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var input = new ProjectInput(project.Name, project.Description, project.DefaultModel, project.DefaultSize, project.Budget, bible);
        await ValidateAsync(input, cancellationToken);
        project.StyleBible = bible ?? StyleBible.Empty;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<BudgetStatus> GetBudgetAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var budget = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Budget }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        return await Budget.StatusAsync(db, projectId, budget.Budget, cancellationToken);
    }

    /// <summary>Sets the project's budget in USD (null: none): the Owner's. Logged, as it decides what may be generated.</summary>
    public async Task SetBudgetAsync(long projectId, decimal? budget, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        await ValidateAsync(new ProjectInput(project.Name, project.Description, project.DefaultModel, project.DefaultSize, budget, project.StyleBible), cancellationToken);
        if (project.Budget == budget)
            return;
        project.Budget = budget;
        ActivityLog.Add(db, time.GetUtcNow(), projectId, user, ActivityKind.BudgetChanged,
            budget is { } value ? $"set the budget to {CostEstimate.Format(value)}" : "removed the budget");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The current user's role in the project, so pages offer only what it allows (a non-member: not found).</summary>
    public async Task<ProjectRole> RoleAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await access.RoleAsync(db, projectId, cancellationToken) ?? throw StudioException.NotFound("Project", projectId);
    }

    /// <summary>The current user's role in each of their projects.</summary>
    public async Task<IReadOnlyDictionary<long, ProjectRole>> RolesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await access.RolesAsync(db, cancellationToken);
    }

    /// <summary>Deletes a project with its shots, takes and assets; refused while any take is still being generated.</summary>
    public async Task DeleteAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var active = await db.Takes.CountAsync(t => t.ProjectId == projectId && TakeStateMachine.Active.Contains(t.Status), cancellationToken);
        if (active > 0)
            throw new StudioException(StudioErrorKind.Conflict, $"The project has {active} take(s) still generating; cancel them first.");
        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<ProjectSummary> Summaries(IQueryable<Project> projects) =>
        projects.AsNoTracking().Select(p => new ProjectSummary(
            p.Id, p.Name, p.Description, p.DefaultModel, p.DefaultSize, p.Budget, p.StyleBible, p.Shots.Count, p.CreatedAt, p.Archived));

    private async Task ValidateAsync(ProjectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The project cannot be saved.");
    }

    private static void Apply(ProjectInput input, Project project)
    {
        project.Name = input.Name.Trim();
        project.Description = input.Description;
        project.DefaultModel = input.DefaultModel;
        project.DefaultSize = input.DefaultSize;
        project.Budget = input.Budget;
        project.StyleBible = input.StyleBible ?? StyleBible.Empty;
    }
}
