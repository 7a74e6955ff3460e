namespace SoraStudio.Web.Storage;

/// <summary>The <c>Studio:Storage</c> section: the clip store's housekeeping.</summary>
public sealed class StorageOptions
{
    public const string Section = "Studio:Storage";

    /// <summary>Files no row refers to are deleted once this old (younger ones may belong to a write in progress).</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweep runs (also once at start).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);
}
