namespace SoraStudio.Emulator.Tests.Support;

/// <summary>Finds the repository and the shared docs by walking up from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root => FindUp("SoraStudio.sln") is { } sln ? Path.GetDirectoryName(sln)!
        : throw new InvalidOperationException($"No SoraStudio.sln above {AppContext.BaseDirectory}.");

    /// <summary>shared/openai/videos-openapi.yaml, which sits beside the repository (in its parent folder).</summary>
    public static string OpenApiSpec => FindUp(Path.Combine("shared", "openai", "videos-openapi.yaml"))
        ?? throw new InvalidOperationException(
            $"Could not find shared/openai/videos-openapi.yaml in {AppContext.BaseDirectory} or any folder above it. " +
            "The conformance tests need the shared docs checked out beside the repository (e.g. /work/shared next to /work/main).");

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
