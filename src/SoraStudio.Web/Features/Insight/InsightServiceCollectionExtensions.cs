namespace SoraStudio.Web.Features.Insight;

public static class InsightServiceCollectionExtensions
{
    /// <summary>A project's yield (the Insight page, its CSV and the API's figures).</summary>
    public static IServiceCollection AddStudioInsight(this IServiceCollection services)
    {
        services.AddScoped<InsightQueries>();
        return services;
    }

    /// <summary><c>/projects/{id}/insight.csv</c>, for a signed-in member.</summary>
    public static IEndpointRouteBuilder MapStudioInsight(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/projects/{projectId:long}/insight.csv", async (long projectId, InsightQueries insight, CancellationToken ct) =>
        {
            try
            {
                return InsightCsv.File(await insight.ProjectAsync(projectId, ct));
            }
            catch (StudioException e) when (e.Kind is StudioErrorKind.NotFound or StudioErrorKind.Forbidden)
            {
                return Results.NotFound();
            }
        });
        return endpoints;
    }
}
