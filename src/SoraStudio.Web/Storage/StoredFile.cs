namespace SoraStudio.Web.Storage;

/// <summary>A file in the clip store: where it is (relative, '/' separated), its size and its SHA-256 (lowercase hex).</summary>
public sealed record StoredFile(string RelativePath, long Bytes, string Sha256);
