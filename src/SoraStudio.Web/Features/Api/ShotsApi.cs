using SoraStudio.Core.Validation;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Api;

/// <summary>Shots (<c>ShotSpec</c> JSON in and out), the prompt each sends, quotes, generation and the shot's takes.</summary>
internal static class ShotsApi
{
    private static readonly HashSet<string> ShotFields = ["title", "notes", "overrides", "spec", "referenceImage"];

    /// <summary>The spec validator names fields inside the spec ("seconds"); in a shot's body they are under "spec".</summary>
    private static string SpecField(string field) => ShotFields.Contains(field) ? field : $"spec.{field}";

    public static void MapShotsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:long}/shots", async (long projectId, HttpContext http, ShotService shots, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<CreateShotRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                try
                {
                    var id = await shots.AddAsync(projectId, input!.Title, input.Spec, ct);
                    http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/shots/{id}";
                    return ApiJson.Ok(await shots.GetAsync(id, ct), StatusCodes.Status201Created);
                }
                catch (StudioException e) when (e.Kind == StudioErrorKind.Invalid)
                {
                    return ApiProblems.From(e, SpecField);
                }
            })
            .WithName("CreateShot").WithSummary("Adds a shot at the end of the project's timeline.")
            .Accepts<CreateShotRequest>("application/json").Produces<ShotDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/shots/{shotId:long}", async (long shotId, ShotService shots, CancellationToken ct) => ApiJson.Ok(await shots.GetAsync(shotId, ct)))
            .WithName("GetShot").WithSummary("A shot with its spec.")
            .Produces<ShotDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/shots/{shotId:long}", async (long shotId, HttpContext http, ShotService shots, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<ShotInput>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                try
                {
                    await shots.UpdateAsync(shotId, input!, ct);
                }
                catch (StudioException e) when (e.Kind == StudioErrorKind.Invalid)
                {
                    return ApiProblems.From(e, SpecField);
                }
                return ApiJson.Ok(await shots.GetAsync(shotId, ct));
            })
            .WithName("UpdateShot").WithSummary("Replaces a shot's title, spec, notes and style-bible overrides.")
            .Accepts<ShotInput>("application/json").Produces<ShotDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/shots/{shotId:long}", async (long shotId, ShotService shots, CancellationToken ct) =>
            {
                await shots.DeleteAsync(shotId, ct);
                return Results.NoContent();
            })
            .WithName("DeleteShot").WithSummary("Deletes a shot and its takes; refused (409) while one is generating.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/shots/{shotId:long}/position", async (long shotId, HttpContext http, ShotService shots, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<MoveShotRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                if (input!.Position < 0)
                    return ApiProblems.Invalid("position", "Positions start at 0.");
                await shots.MoveAsync(shotId, input.Position, ct);
                return ApiJson.Ok(await shots.GetAsync(shotId, ct));
            })
            .WithName("MoveShot").WithSummary("Moves a shot on its project's timeline, shifting the others.")
            .Accepts<MoveShotRequest>("application/json").Produces<ShotDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/shots/{shotId:long}/selected-take", async (long shotId, HttpContext http, ShotService shots, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<SelectTakeRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                await shots.SelectTakeAsync(shotId, input!.TakeId, ct);
                return ApiJson.Ok(await shots.GetAsync(shotId, ct));
            })
            .WithName("SelectShotTake").WithSummary("Chooses the ready take the timeline shows for the shot (null clears it); 409 for a take that is not ready.")
            .Accepts<SelectTakeRequest>("application/json").Produces<ShotDetail>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/shots/{shotId:long}/prompt", async (long shotId, ShotService shots, ProjectService projects, ShotSpecValidator validator, CancellationToken ct) =>
            {
                var shot = await shots.GetAsync(shotId, ct);
                var bible = (await projects.GetAsync(shot.ProjectId, ct)).StyleBible;
                return ApiJson.Ok(PromptsApi.Render(bible.ApplyTo(shot.Spec, shot.Overrides).Spec, validator));
            })
            .WithName("GetShotPrompt").WithSummary("The exact prompt the shot would send now, with the project's style bible applied.")
            .Produces<RenderedPrompt>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/shots/{shotId:long}/quote", async (long shotId, string? variations, GenerationService generation, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var count = ApiQuery.Int(variations, "variations", 1, errors);
                if (errors.Count > 0)
                    return ApiProblems.Invalid(errors, "The query is not valid.");
                var quote = await generation.QuoteAsync(shotId, count, ct);
                return ApiJson.Ok(new QuoteResponse(quote.Estimate, quote.Budget.Budget, quote.Budget.Committed, quote.Budget.Remaining, quote.WithinBudget));
            })
            .WithName("QuoteShot").WithSummary("What 1–4 takes of the shot would cost, against the project's budget.")
            .Produces<QuoteResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/shots/{shotId:long}/generate", async (long shotId, HttpContext http, GenerationService generation, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<GenerateRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var ids = await generation.GenerateAsync(shotId, input!.Variations, http.Caller(), ct);
                return ApiJson.Ok(new QueuedTakes(ids, ids.Select(ApiEndpoints.TakeUrl).ToList()), StatusCodes.Status202Accepted);
            })
            .WithName("GenerateShot").WithSummary("Queues 1–4 takes of the shot; poll the takes for their state. 409 when over budget or the exact prompt was blocked by moderation.")
            .Accepts<GenerateRequest>("application/json").Produces<QueuedTakes>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/shots/{shotId:long}/takes", async (long shotId, TakeQueries takes, CancellationToken ct) =>
                ApiJson.Ok((await takes.TakesOfShotAsync(shotId, ct)).Select(TakeSummary.From).ToList()))
            .WithName("ListShotTakes").WithSummary("The shot's takes, newest first.")
            .Produces<IReadOnlyList<TakeSummary>>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
