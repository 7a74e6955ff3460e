using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Settings;

namespace SoraStudio.Web.Operations;

/// <summary>
/// What a backup holds: the database file, every clip-store file it refers to, and the Data Protection key ring that
/// the saved provider key is encrypted with (format 2; format 1 backups have none), each with its size and SHA-256.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, BackupFile Database, IReadOnlyList<BackupFile> Files, IReadOnlyList<BackupFile>? KeyRing = null)
{
    public const string FileName = "backup.json";
    public const int CurrentFormat = 2;
    public const int OldestRestorableFormat = 1;
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backs up and restores a studio's data folder. The database is copied with SQLite's online backup API, a
/// consistent snapshot even while the studio writes; then every clip-store file the snapshot refers to is copied
/// and checked against its hash. Clip files never change once stored (they are named by their hash), so the copy
/// matches the snapshot. The key ring goes too: without it the saved provider key cannot be decrypted. A restore
/// checks every hash before it writes anything, and only into a data folder that has no database yet.
/// </summary>
public static class StudioBackup
{
    private const string DatabaseFile = "studio.db";
    private const string ClipsFolder = "clips";
    private const string KeysFolder = "keys";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupManifest> BackupAsync(StudioPaths source, string target, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(source.Database))
            throw new BackupException($"There is no studio database at {source.Database}.");
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new BackupException($"The backup folder {target} is not empty; choose a new folder.");
        Directory.CreateDirectory(target);

        var databaseCopy = Path.Combine(target, DatabaseFile);
        CopyDatabase(source.Database, databaseCopy);
        var database = await DescribeAsync(target, DatabaseFile, cancellationToken);

        var files = new List<BackupFile>();
        foreach (var (relative, sha256) in ReferencedFiles(databaseCopy))
        {
            var from = Path.Combine(source.ClipStore, relative);
            if (!File.Exists(from))
                throw new BackupException($"The clip store lacks {relative}, which the database refers to.");
            var to = Path.Combine(target, ClipsFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            var copied = await DescribeAsync(target, $"{ClipsFolder}/{relative}", cancellationToken);
            if (sha256 is not null && !string.Equals(copied.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
                throw new BackupException($"{relative} in the clip store no longer matches its recorded SHA-256 (it is damaged); the backup was stopped.");
            files.Add(copied);
        }

        var keyRing = new List<BackupFile>();
        if (Directory.Exists(source.KeyRing))
        {
            foreach (var key in Directory.EnumerateFiles(source.KeyRing).Order(StringComparer.Ordinal))
            {
                var relative = $"{KeysFolder}/{Path.GetFileName(key)}";
                Directory.CreateDirectory(Path.Combine(target, KeysFolder));
                File.Copy(key, Path.Combine(target, relative));
                keyRing.Add(await DescribeAsync(target, relative, cancellationToken));
            }
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, (time ?? TimeProvider.System).GetUtcNow(), database, files, keyRing);
        await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>Restores the backup in <paramref name="source"/> into <paramref name="target"/>'s data folder; the studio must not be running on it.</summary>
    public static async Task<BackupManifest> RestoreAsync(string source, StudioPaths target, CancellationToken cancellationToken = default)
    {
        source = Path.GetFullPath(source);
        var manifestPath = Path.Combine(source, BackupManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new BackupException($"{source} holds no {BackupManifest.FileName}; it is not a studio backup.");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new BackupException($"{manifestPath} is empty.");
        if (manifest.Format is < BackupManifest.OldestRestorableFormat or > BackupManifest.CurrentFormat)
            throw new BackupException($"This backup has format {manifest.Format}; this studio restores formats {BackupManifest.OldestRestorableFormat} to {BackupManifest.CurrentFormat}.");
        if (File.Exists(target.Database))
            throw new BackupException($"{target.Database} already exists. Restore into an empty data folder (stop the studio and move the old folder away first).");

        // Every path and every file checked before anything is written: a bad backup leaves the target untouched.
        if (manifest.Files is null || manifest.Database is null)
            throw new BackupException($"{manifestPath} lists no database or no files; it is not a studio backup.");
        var targets = manifest.Files.Select(file => (File: file, To: ClipTarget(source, file, target))).ToList();
        if (manifest.Database.Path != DatabaseFile)
            throw new BackupException($"The manifest's database is not {DatabaseFile} in the backup folder; nothing was restored.");
        var keyRing = (manifest.KeyRing ?? []).Select(key => (File: key, To: KeyTarget(key, target))).ToList();
        foreach (var file in manifest.Files.Concat(keyRing.Select(key => key.File)).Prepend(manifest.Database))
        {
            var actual = await DescribeAsync(source, file.Path, cancellationToken);
            if (actual.Bytes != file.Bytes || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new BackupException($"{file.Path} in the backup does not match its manifest (damaged or changed); nothing was restored.");
        }

        Directory.CreateDirectory(target.ClipStore);
        foreach (var (file, to) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(source, file.Path), to, overwrite: true);
        }
        Directory.CreateDirectory(target.KeyRing);
        foreach (var (key, to) in keyRing)
            File.Copy(Path.Combine(source, key.Path), to);
        // The database last, under a temporary name first: a restore cut short leaves no database that looks whole.
        var partial = target.Database + ".restoring";
        File.Copy(Path.Combine(source, manifest.Database.Path), partial, overwrite: true);
        File.Move(partial, target.Database);
        return manifest;
    }

    /// <summary>Where a listed clip goes; refused unless it is a file under clips/ in the backup and under the clip store in the target.</summary>
    private static string ClipTarget(string source, BackupFile file, StudioPaths target)
    {
        var prefix = ClipsFolder + "/";
        var store = Path.GetFullPath(target.ClipStore);
        var from = Path.GetFullPath(Path.Combine(source, file.Path ?? ""));
        var to = file.Path is { } path && path.StartsWith(prefix, StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(store, path[prefix.Length..]))
            : null;
        if (to is null || !to.StartsWith(store + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !from.StartsWith(Path.Combine(source, ClipsFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BackupException($"{file.Path} points outside the clip store; nothing was restored.");
        return to;
    }

    /// <summary>Where a listed key of the key ring goes; refused unless it is a file directly under keys/ that the target lacks.</summary>
    private static string KeyTarget(BackupFile key, StudioPaths target)
    {
        var name = key.Path is { } path && path.StartsWith(KeysFolder + "/", StringComparison.Ordinal) ? path[(KeysFolder.Length + 1)..] : "";
        if (name.Length == 0 || name != Path.GetFileName(name) || name is "." or "..")
            throw new BackupException($"{key.Path} is not a key of the key ring under {KeysFolder}/; nothing was restored.");
        var to = Path.Combine(target.KeyRing, name);
        if (File.Exists(to))
            throw new BackupException($"{to} already exists and would be replaced; restore into an empty data folder. Nothing was restored.");
        return to;
    }

    /// <summary>Whether the owner saved a provider key (encrypted) in this data folder's database.</summary>
    public static bool HasSavedApiKey(StudioPaths paths)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = paths.Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Settings WHERE Key = $key;";
        command.Parameters.AddWithValue("$key", StudioSettingsService.ApiKeySetting);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void CopyDatabase(string from, string to)
    {
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString()))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
            // One self-contained file: no WAL beside it.
            using var command = destination.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The clip-store files the database refers to (clips and assets), with the hash recorded for each.</summary>
    private static List<(string RelativePath, string? Sha256)> ReferencedFiles(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT RelativePath, Sha256 FROM Clips UNION SELECT RelativePath, Sha256 FROM Assets ORDER BY 1;";
        using var reader = command.ExecuteReader();
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var path = reader.GetString(0);
            var sha = reader.IsDBNull(1) || reader.GetString(1).Length == 0 ? null : reader.GetString(1);
            if (!files.TryGetValue(path, out var known) || known is null)
                files[path] = sha;
        }
        return files.Select(f => (f.Key, f.Value)).ToList();
    }

    private static async Task<BackupFile> DescribeAsync(string root, string relative, CancellationToken cancellationToken)
    {
        var full = Path.Combine(root, relative);
        if (!File.Exists(full))
            throw new BackupException($"{relative} is missing from {root}.");
        await using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        return new BackupFile(relative.Replace(Path.DirectorySeparatorChar, '/'), file.Length, sha);
    }
}
