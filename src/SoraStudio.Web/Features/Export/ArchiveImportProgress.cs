namespace SoraStudio.Web.Features.Export;

/// <summary>The steps of bringing an archive in, in order.</summary>
public enum ArchiveImportStep
{
    Uploading,
    Reading,
    Clips,
    Saving,
}

/// <summary>
/// Where an archive import is: its step and, for uploading (bytes) and clips (files), how much of how much is done.
/// </summary>
public sealed record ArchiveImportProgress(ArchiveImportStep Step, long Done = 0, long Total = 0)
{
    /// <summary>How far the current step is, 0–100 (0 when it has no count).</summary>
    public int Percent => Total > 0 ? (int)Math.Clamp(Done * 100 / Total, 0, 100) : 0;

    /// <summary>What is happening, as a person reads it.</summary>
    public string Describe() => Step switch
    {
        ArchiveImportStep.Uploading => Total > 0 ? $"Uploading the archive: {Megabytes(Done)} of {Megabytes(Total)}" : "Uploading the archive",
        ArchiveImportStep.Reading => "Reading the archive and checking its manifest",
        ArchiveImportStep.Clips => $"Checking and storing clips: {Done} of {Total}",
        _ => "Saving the project",
    };

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.0} MB");
}
