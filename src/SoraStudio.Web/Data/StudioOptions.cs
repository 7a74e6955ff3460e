using System.ComponentModel.DataAnnotations;

namespace SoraStudio.Web.Data;

/// <summary>The <c>Studio</c> configuration section: where the studio keeps its database and files.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>The data folder (database, clip store, the in-process emulator's files); relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>How long a command waits for another process's write lock before failing.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
