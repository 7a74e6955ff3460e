namespace SoraStudio.Web.Features.Gallery;

public static class GalleryServiceCollectionExtensions
{
    /// <summary>The queries of the gallery, the timeline and the take pages.</summary>
    public static IServiceCollection AddStudioGallery(this IServiceCollection services)
    {
        services.AddScoped<GalleryQueries>();
        return services;
    }
}
