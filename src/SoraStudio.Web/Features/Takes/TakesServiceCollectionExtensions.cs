namespace SoraStudio.Web.Features.Takes;

public static class TakesServiceCollectionExtensions
{
    /// <summary>Generating takes (quotes, budget checks and the queue the worker takes them from) and reading them as cards.</summary>
    public static IServiceCollection AddStudioTakes(this IServiceCollection services)
    {
        services.AddScoped<GenerationService>();
        services.AddScoped<TakeQueries>();
        return services;
    }
}
