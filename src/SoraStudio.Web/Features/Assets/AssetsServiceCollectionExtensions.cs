using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoraStudio.Web.Features.Assets;

public static class AssetsServiceCollectionExtensions
{
    /// <summary>Reference images: their service and the validator of an upload.</summary>
    public static IServiceCollection AddStudioAssets(this IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<AssetUpload>, AssetUploadValidator>();
        services.AddScoped<AssetService>();
        return services;
    }
}
