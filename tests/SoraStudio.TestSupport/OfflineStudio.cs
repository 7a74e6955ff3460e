namespace SoraStudio.TestSupport;

/// <summary>A studio host whose worker is off and whose Videos API is unreachable: for what happens before generation.</summary>
public static class OfflineStudio
{
    public static Task<StudioTestHost> StartAsync(TempFolder folder, Action<StudioTestOptions>? configure = null) =>
        StudioTestHost.StartAsync(folder.Path, "http://127.0.0.1:9/v1", o =>
        {
            o.RunWorker = false;
            configure?.Invoke(o);
        });
}
