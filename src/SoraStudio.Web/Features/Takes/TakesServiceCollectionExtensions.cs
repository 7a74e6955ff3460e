namespace SoraStudio.Web.Features.Takes;

public static class TakesServiceCollectionExtensions
{
    /// <summary>Generating takes: quotes, budget checks and the queue the worker takes them from.</summary>
    public static IServiceCollection AddStudioTakes(this IServiceCollection services)
    {
        services.AddScoped<GenerationService>();
        return services;
    }
}
