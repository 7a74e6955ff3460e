using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Data;

public static class StudioDataServiceCollectionExtensions
{
    /// <summary>The SQLite database under <c>Studio:DataPath</c>, migrated at start.</summary>
    public static IServiceCollection AddStudioData(this IServiceCollection services)
    {
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StudioPaths>();
        services.TryAddSingleton(TimeProvider.System);
        // Pooled: a context per operation stays the pattern, but creating one no longer builds its internal services
        // each time (about a third of an API read's CPU went there; docs/PERFORMANCE.md, concurrent API reads).
        services.AddPooledDbContextFactory<StudioDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<IOptions<StudioOptions>>().Value;
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = sp.GetRequiredService<StudioPaths>().Database,
                DefaultTimeout = options.BusyTimeoutSeconds,
            };
            db.UseSqlite(connection.ToString()).AddInterceptors(new SqlitePragmas(options.BusyTimeoutSeconds));
        });
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
