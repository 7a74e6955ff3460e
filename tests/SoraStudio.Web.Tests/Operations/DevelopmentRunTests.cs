using System.Text.Json;

namespace SoraStudio.Web.Tests.Operations;

/// <summary><c>dotnet run --project src/SoraStudio.Web</c>, as the README's first command runs the studio.</summary>
public sealed class DevelopmentRunTests
{
    [Fact]
    public void DotnetRunKeepsTheDataInTheRepositorysIgnoredDataFolder()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "SoraStudio.Web");
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "Properties", "launchSettings.json")));
        var environment = settings.RootElement.GetProperty("profiles").GetProperty("SoraStudio.Web").GetProperty("environmentVariables");

        // The Web SDK starts `dotnet run` in the project's folder (its RunWorkingDirectory), the content root a
        // relative Studio:DataPath is resolved against.
        var dataPath = environment.GetProperty("Studio__DataPath").GetString()!;

        Assert.Equal(Path.Combine(root, "data"), Path.GetFullPath(dataPath, project));
        Assert.Contains("/data/", File.ReadAllLines(Path.Combine(root, ".gitignore")));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (SoraStudio.sln) is not above the test's folder.");
    }
}
