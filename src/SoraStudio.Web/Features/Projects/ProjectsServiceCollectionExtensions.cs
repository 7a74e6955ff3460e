using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoraStudio.Web.Features.Projects;

public static class ProjectsServiceCollectionExtensions
{
    /// <summary>Projects: their service and the validator of their input.</summary>
    public static IServiceCollection AddStudioProjects(this IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<ProjectInput>, ProjectInputValidator>();
        services.AddScoped<ProjectService>();
        services.AddScoped<PosterFrames>();
        return services;
    }
}
