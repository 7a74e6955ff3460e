namespace SoraStudio.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The clip store under the data folder and its orphan sweep.</summary>
    public static IServiceCollection AddStudioStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.OrphanGracePeriod > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero,
                "Studio:Storage:OrphanGracePeriod and SweepInterval must be positive (hh:mm:ss).")
            .ValidateOnStart();
        services.AddSingleton<ClipStore>();
        services.AddSingleton<ClipCutter>();
        services.AddSingleton<ClipStoreSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ClipStoreSweeper>());
        return services;
    }
}
