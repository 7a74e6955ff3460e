namespace SoraStudio.Web.Data;

/// <summary>A reference image of a project, usable as a take's <c>input_reference</c> (its first frame).</summary>
public sealed class Asset
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project? Project { get; set; }

    public AssetKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string FileName { get; set; } = "";

    /// <summary>Path inside the clip store, with '/' separators.</summary>
    public string RelativePath { get; set; } = "";

    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
