using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoraStudio.Web.Features.Shots;

public static class ShotsServiceCollectionExtensions
{
    /// <summary>Shots: their service and the validator of their input.</summary>
    public static IServiceCollection AddStudioShots(this IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<ShotInput>, ShotInputValidator>();
        services.AddScoped<ShotService>();
        return services;
    }
}
