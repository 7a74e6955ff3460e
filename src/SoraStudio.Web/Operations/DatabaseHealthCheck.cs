using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Operations;

/// <summary>The database answers a query and has every migration of this build applied.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<StudioDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Reads the migrations history table: a missing, locked or corrupt database fails here.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet: {string.Join(", ", pending)}.");
            var projects = await db.Projects.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers and is migrated.", new Dictionary<string, object> { ["projects"] = projects });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {e.Message}");
        }
    }
}
