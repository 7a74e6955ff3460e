using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoraStudio.Web.Features.Shots;

public static class ShotsServiceCollectionExtensions
{
    /// <summary>Shots: their service, the validator of their input, and continuing a take in the next shot.</summary>
    public static IServiceCollection AddStudioShots(this IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<ShotInput>, ShotInputValidator>();
        services.AddScoped<ShotService>();
        services.AddScoped<ContinueService>();
        return services;
    }
}
