namespace SoraStudio.Web.Features.Activity;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>A project's activity log as its page reads it (the services whose changes it records write it).</summary>
    public static IServiceCollection AddStudioActivity(this IServiceCollection services)
    {
        services.AddScoped<ActivityQueries>();
        return services;
    }
}
