using SoraStudio.Web.Data;

namespace SoraStudio.Web.Operations;

/// <summary>
/// The studio's command-line verbs, run instead of the web app:
/// <c>backup &lt;folder&gt;</c> (safe while the studio runs) and <c>restore &lt;folder&gt;</c> (into a data folder with no
/// database; the studio stopped). The data folder comes from the same configuration as the app
/// (<c>Studio:DataPath</c>, <c>--Studio:DataPath=…</c>, <c>Studio__DataPath</c>).
/// </summary>
public static class StudioCommands
{
    public static bool IsCommand(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args is not [var verb, var folder, .. var rest] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: SoraStudio.Web backup <folder> | restore <folder> [--Studio:DataPath=<data folder>]");
            return 2;
        }
        var builder = WebApplication.CreateSlimBuilder(rest);
        var options = builder.Configuration.GetSection(StudioOptions.Section).Get<StudioOptions>() ?? new StudioOptions();
        var paths = new StudioPaths(Path.GetFullPath(options.DataPath, builder.Environment.ContentRootPath));
        try
        {
            if (verb == "backup")
            {
                var manifest = await StudioBackup.BackupAsync(paths, folder);
                await output.WriteLineAsync($"Backed up {paths.Database} and {manifest.Files.Count} clip-store file(s) " +
                    $"({Megabytes(manifest.Files.Sum(f => f.Bytes) + manifest.Database.Bytes)}) to {Path.GetFullPath(folder)}.");
            }
            else
            {
                var manifest = await StudioBackup.RestoreAsync(folder, paths);
                await output.WriteLineAsync($"Restored the backup of {manifest.CreatedAt:u} ({manifest.Files.Count} clip-store file(s), " +
                    $"{manifest.KeyRing?.Count ?? 0} key ring file(s), every hash checked) into {paths.DataFolder}.");
                if (manifest.KeyRing is null or [] && StudioBackup.HasSavedApiKey(paths))
                {
                    await error.WriteLineAsync("WARNING: this backup holds a saved provider key but not the key ring it was encrypted with. " +
                        "The restored studio will submit nothing until the owner re-enters the key on Settings.");
                }
            }
            return 0;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
