using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Operations;

/// <summary>The clip store's folder takes a write: a small probe file is written, flushed, read back and deleted.</summary>
internal sealed class ClipStoreHealthCheck(ClipStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Under the store's temp folder, where the sweep removes anything a crash leaves behind.
        var folder = Path.Combine(store.Root, ".tmp");
        var probe = Path.Combine(folder, $"health-{Guid.NewGuid():N}.probe");
        try
        {
            Directory.CreateDirectory(folder);
            byte[] bytes = [0x53, 0x6f, 0x72, 0x61];
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                await file.WriteAsync(bytes, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            var read = await File.ReadAllBytesAsync(probe, cancellationToken);
            return read.AsSpan().SequenceEqual(bytes)
                ? HealthCheckResult.Healthy("The clip store is writable.", new Dictionary<string, object> { ["path"] = store.Root })
                : HealthCheckResult.Unhealthy("The clip store returned different bytes than were written.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The clip store at {store.Root} is not writable: {e.Message}");
        }
        finally
        {
            try { File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
