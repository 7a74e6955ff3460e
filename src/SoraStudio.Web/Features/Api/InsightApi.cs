using SoraStudio.Web.Features.Insight;

namespace SoraStudio.Web.Features.Api;

/// <summary><c>/projects/{id}/insight</c>: the project's yield, as the Insight page shows it, in JSON or CSV.</summary>
internal static class InsightApi
{
    public static void MapInsightApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/insight", async (long projectId, InsightQueries insight, CancellationToken ct) =>
                ApiJson.Ok(await insight.ProjectAsync(projectId, ct)))
            .WithName("GetProjectInsight")
            .WithSummary("What the project's takes cost against the screen time approved: for the project, each shot, model and provider, by day, and failures by provider (USD).")
            .Produces<ProjectInsight>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/projects/{projectId:long}/insight.csv", async (long projectId, InsightQueries insight, CancellationToken ct) =>
                InsightCsv.File(await insight.ProjectAsync(projectId, ct)))
            .WithName("GetProjectInsightCsv").WithSummary("The project's yield as CSV: one row for the project, then one per shot, model and provider.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
