using Microsoft.Extensions.DependencyInjection.Extensions;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Insight;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features;

public static class StudioFeaturesServiceCollectionExtensions
{
    /// <summary>
    /// The application services the UI and the automation API share, each feature registering its own, over the Core
    /// validators they check input with. The model catalog is the default one with <c>Sora:Models</c> laid over it.
    /// </summary>
    public static IServiceCollection AddStudioFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => ModelCatalog.FromOptions(
            configuration.GetSection("Sora:Models").Get<List<ModelOptions>>(), configuration.GetValue("Sora:LaterGuideLimits", true)));
        services.TryAddSingleton(sp => new ShotSpecValidator(sp.GetRequiredService<ModelCatalog>()));
        services.TryAddSingleton<RemixInstructionValidator>();

        return services
            .AddStudioProjects()
            .AddStudioShots()
            .AddStudioAssets()
            .AddStudioCast()
            .AddStudioTakes()
            .AddStudioGallery()
            .AddStudioReview()
            .AddStudioActivity()
            .AddStudioInsight()
            .AddStudioExport()
            .AddStudioSettings();
    }
}
