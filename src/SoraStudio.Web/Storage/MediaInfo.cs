namespace SoraStudio.Web.Storage;

/// <summary>What a file's header says about it; any part may be unknown.</summary>
public sealed record MediaInfo(int? Width, int? Height, double? DurationSeconds)
{
    public static MediaInfo Unknown { get; } = new(null, null, null);
}
