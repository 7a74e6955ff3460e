using System.Security.Cryptography;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Storage;

/// <summary>
/// Content-addressed files under the data folder: <c>ab/abcdef….mp4</c> named by their SHA-256. A file only ever
/// appears under its final name whole and checked: it is written to a temp file, flushed to disk, its size and
/// hash checked, then renamed into place. The same content stored twice is one file.
/// </summary>
public sealed class ClipStore
{
    private const string TempFolderName = ".tmp";
    private readonly string _temp;

    public ClipStore(StudioPaths paths)
    {
        Root = paths.ClipStore;
        _temp = Path.Combine(Root, TempFolderName);
    }

    public string Root { get; }

    /// <summary>
    /// Stores <paramref name="content"/>. Throws <see cref="ClipStoreException"/> when it is not
    /// <paramref name="expectedBytes"/> long or does not hash to <paramref name="expectedSha256"/>; the
    /// stream's own errors (a cut download) pass through. Either way nothing is left behind.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string contentType, long? expectedBytes = null, string? expectedSha256 = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_temp);
        var tempPath = Path.Combine(_temp, $"{Guid.NewGuid():N}.part");
        try
        {
            var (bytes, sha) = await WriteAsync(content, tempPath, cancellationToken);
            if (expectedBytes is { } expected && bytes != expected)
                throw new ClipStoreException($"Expected {expected} bytes, received {bytes}.");
            if (expectedSha256 is not null && !string.Equals(sha, expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new ClipStoreException($"Expected SHA-256 {expectedSha256}, received {sha}.");
            // Read back what reached the disk: a flushed file that hashes differently is not stored.
            if (await HashFileAsync(tempPath, cancellationToken) != sha)
                throw new ClipStoreException("The file on disk does not match what was written.");

            var relative = $"{sha[..2]}/{sha}{ExtensionFor(contentType)}";
            var final = GetFullPath(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            try
            {
                File.Move(tempPath, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // Same name means same bytes (it is their hash), so the file already there is this content.
            }
            return new StoredFile(relative, bytes, sha);
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    public string GetFullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{relativePath}' is outside the clip store.", nameof(relativePath));
        return full;
    }

    public bool Exists(string relativePath) => File.Exists(GetFullPath(relativePath));

    public Stream OpenRead(string relativePath) =>
        new FileStream(GetFullPath(relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>True when the file is there and still hashes to <paramref name="sha256"/>.</summary>
    public async Task<bool> VerifyAsync(string relativePath, string sha256, CancellationToken cancellationToken = default) =>
        Exists(relativePath) && await HashFileAsync(GetFullPath(relativePath), cancellationToken) == sha256;

    /// <summary>
    /// Deletes temp files and files no row refers to, when older than <paramref name="olderThan"/> (a file
    /// another process has just stored may not have its row yet). Returns the relative paths deleted.
    /// </summary>
    public IReadOnlyList<string> DeleteOrphans(IReadOnlySet<string> referenced, TimeSpan olderThan, DateTimeOffset now)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(Root))
            return deleted;
        var cutoff = now.UtcDateTime - olderThan;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (referenced.Contains(relative) || File.GetLastWriteTimeUtc(file) > cutoff)
                continue;
            try
            {
                File.Delete(file);
                deleted.Add(relative);
            }
            catch (IOException)
            {
                // In use elsewhere: the next sweep gets it.
            }
        }
        return deleted;
    }

    private static async Task<(long Bytes, string Sha256)> WriteAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    private static string ExtensionFor(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "video/mp4" => ".mp4",
        "image/webp" => ".webp",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };
}
