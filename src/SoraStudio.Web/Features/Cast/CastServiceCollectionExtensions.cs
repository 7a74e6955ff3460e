namespace SoraStudio.Web.Features.Cast;

public static class CastServiceCollectionExtensions
{
    /// <summary>The project's cast of provider characters.</summary>
    public static IServiceCollection AddStudioCast(this IServiceCollection services)
    {
        services.AddScoped<CastService>();
        return services;
    }
}
