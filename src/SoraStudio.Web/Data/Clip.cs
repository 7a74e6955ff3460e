namespace SoraStudio.Web.Data;

/// <summary>A downloaded file of a take: the video, its thumbnail or its spritesheet.</summary>
public sealed class Clip
{
    public long Id { get; set; }
    public long TakeId { get; set; }
    public Take? Take { get; set; }

    /// <summary>The API's content variant: video, thumbnail, spritesheet.</summary>
    public string Variant { get; set; } = "";

    /// <summary>Path inside the clip store, with '/' separators.</summary>
    public string RelativePath { get; set; } = "";

    public long Bytes { get; set; }
    /// <summary>Lowercase hex.</summary>
    public string Sha256 { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
