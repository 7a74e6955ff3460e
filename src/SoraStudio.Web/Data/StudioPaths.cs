using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Data;

/// <summary>The absolute locations under the data folder.</summary>
public sealed class StudioPaths
{
    public StudioPaths(IOptions<StudioOptions> options, IHostEnvironment environment)
        : this(Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath))
    {
    }

    public StudioPaths(string dataFolder)
    {
        DataFolder = dataFolder;
        Database = Path.Combine(dataFolder, "studio.db");
        ClipStore = Path.Combine(dataFolder, "clips");
        Emulator = Path.Combine(dataFolder, "emulator");
        KeyRing = Path.Combine(dataFolder, "keys");
    }

    public string DataFolder { get; }
    public string Database { get; }
    public string ClipStore { get; }
    public string Emulator { get; }

    /// <summary>The Data Protection key ring: it decrypts the saved provider key (and the sign-in cookies).</summary>
    public string KeyRing { get; }
}
