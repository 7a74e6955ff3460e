using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>The settings page's service, and the key ring that protects the API key it stores.</summary>
    public static IServiceCollection AddStudioSettings(this IServiceCollection services)
    {
        // The key ring under the data folder: protected settings survive restarts.
        services.AddDataProtection().SetApplicationName(StoredSettingsConfiguration.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<StudioPaths>((o, paths) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeyRing), NullLoggerFactory.Instance));
        services.AddScoped<StudioSettingsService>();
        return services;
    }
}
