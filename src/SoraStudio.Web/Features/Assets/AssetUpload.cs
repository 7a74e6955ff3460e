using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Assets;

/// <summary>A reference image as uploaded. The stream is read once and not disposed.</summary>
public sealed record AssetUpload(string Name, AssetKind Kind, string FileName, string ContentType, Stream Content);

public sealed record AssetInfo(
    long Id,
    long ProjectId,
    AssetKind Kind,
    string Name,
    string FileName,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    string Sha256,
    string RelativePath,
    DateTimeOffset CreatedAt);
