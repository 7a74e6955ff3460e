using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Projects;

namespace SoraStudio.Web.Features.Api;

/// <summary><c>/projects</c>: list, create, read, update, delete, budget, and the project's shots and takes.</summary>
internal static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", async (ProjectService projects, CancellationToken ct) => ApiJson.Ok(await projects.ListAsync(ct)))
            .WithName("ListProjects").WithSummary("All projects, by name.")
            .Produces<IReadOnlyList<ProjectSummary>>();

        api.MapPost("/projects", async (HttpContext http, ProjectService projects, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<ProjectInput>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var id = await projects.CreateAsync(input!, ct);
                http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/projects/{id}";
                return ApiJson.Ok(await projects.GetAsync(id, ct), StatusCodes.Status201Created);
            })
            .WithName("CreateProject").WithSummary("Creates a project.")
            .Accepts<ProjectInput>("application/json").Produces<ProjectSummary>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapGet("/projects/{projectId:long}", async (long projectId, ProjectService projects, CancellationToken ct) =>
                ApiJson.Ok(await projects.GetAsync(projectId, ct)))
            .WithName("GetProject").WithSummary("One project with its style bible.")
            .Produces<ProjectSummary>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/projects/{projectId:long}", async (long projectId, HttpContext http, ProjectService projects, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<ProjectInput>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                await projects.UpdateAsync(projectId, input!, ct);
                return ApiJson.Ok(await projects.GetAsync(projectId, ct));
            })
            .WithName("UpdateProject").WithSummary("Replaces a project's settings and style bible.")
            .Accepts<ProjectInput>("application/json").Produces<ProjectSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/projects/{projectId:long}", async (long projectId, ProjectService projects, CancellationToken ct) =>
            {
                await projects.DeleteAsync(projectId, ct);
                return Results.NoContent();
            })
            .WithName("DeleteProject").WithSummary("Deletes a project with its shots and takes; refused (409) while a take is generating.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/projects/{projectId:long}/budget", async (long projectId, ProjectService projects, CancellationToken ct) =>
                ApiJson.Ok(await projects.GetBudgetAsync(projectId, ct)))
            .WithName("GetProjectBudget").WithSummary("The budget, what takes commit of it, and what is left (USD).")
            .Produces<BudgetStatus>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/projects/{projectId:long}/shots", async (long projectId, GalleryQueries gallery, CancellationToken ct) =>
                ApiJson.Ok((await gallery.TimelineAsync(projectId, ct)).Select(s => new ShotListItem(
                    s.ShotId, s.Position, s.Title, s.SelectedTakeId, s.TakeCount, s.ReadyCount, s.ActiveCount,
                    s.SelectedThumbnailPath is null || s.SelectedTakeId is null ? null : ApiEndpoints.ContentUrl(s.SelectedTakeId.Value, "thumbnail"))).ToList()))
            .WithName("ListShots").WithSummary("The project's shots in timeline order.")
            .Produces<IReadOnlyList<ShotListItem>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/projects/{projectId:long}/takes", async (long projectId, string? status, string? page, string? pageSize, HttpContext http, GalleryQueries gallery, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var statusFilter = ApiQuery.Status(status, errors);
                var pageNumber = ApiQuery.Int(page, "page", 1, errors);
                var size = ApiQuery.Int(pageSize, "pageSize", http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.DefaultPageSize, errors);
                if (errors.Count > 0)
                    return ApiProblems.Invalid(errors, "The query is not valid.");
                var result = await gallery.ProjectTakesAsync(projectId, statusFilter, pageNumber, size, ct);
                var next = result.Page * result.PageSize < result.Total ? result.Page + 1 : (int?)null;
                return ApiJson.Ok(new TakeListPage(result.Takes.Select(TakeSummary.From).ToList(), result.Total, result.Page, result.PageSize, next));
            })
            .WithName("ListProjectTakes").WithSummary($"The project's takes, newest first, a page at a time (page from 1, pageSize 1–{GalleryQueries.MaxPageSize}), optionally of one status.")
            .Produces<TakeListPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
