using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Spec;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.Architecture;

/// <summary>The rules of the architecture (../shared/DESIGN.md, README "Rules the build enforces"), checked on the product.</summary>
public sealed class ArchitectureTests
{
    private static readonly Type[] WebTypes = typeof(StudioDbContext).Assembly.GetTypes();
    private static readonly string WebFolder = Path.Combine(RepositoryRoot(), "src", "SoraStudio.Web");

    [Fact]
    public void CoreReferencesNothingButTheBaseClassLibraryAndFluentValidation()
    {
        var references = typeof(ShotSpec).Assembly.GetReferencedAssemblies();

        Assert.Empty(ArchitectureRules.ForeignReferences(references, "FluentValidation"));
    }

    [Fact]
    public void TheVideosApiClientNeedsNeitherAspNetCoreNorTheStudioNorTheEmulator()
    {
        var references = typeof(IVideosApi).Assembly.GetReferencedAssemblies().Select(r => r.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name is "SoraStudio.Web" or "SoraStudio.Emulator" or "SoraStudio.Core");
    }

    [Fact]
    public void TheEmulatorReferencesNoneOfTheStudiosAssemblies()
    {
        var references = typeof(EmulatorJobs).Assembly.GetReferencedAssemblies().Select(r => r.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("SoraStudio.", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPageOrComponentIsHandedTheDbContext()
    {
        Assert.Empty(ArchitectureRules.ComponentsGivenADbContext(WebTypes));
    }

    [Fact]
    public void OnlyGenerationSetsATakesStatus()
    {
        var setter = typeof(Take).GetProperty(nameof(Take.Status))!.SetMethod!;

        Assert.Empty(ArchitectureRules.CallersOutside(WebTypes, setter, "SoraStudio.Web.Generation"));
        // Not vacuous: with nothing allowed, the check sees Generation's own writes.
        Assert.Contains(ArchitectureRules.CallersOutside(WebTypes, setter, "None"), w => w.Contains(".TakeLifecycle.", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyGenerationUpdatesATakesStatusInTheDatabase()
    {
        // The source check reads any SetProperty(x => x.Status, …) as a take's: true while no other entity has a Status.
        var entitiesWithStatus = typeof(StudioDbContext).GetProperties()
            .Where(p => p.PropertyType.IsConstructedGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(entity => entity.GetProperty("Status") is not null);
        Assert.Equal([typeof(Take)], entitiesWithStatus);

        var sources = ArchitectureRules.SourceFiles(WebFolder).ToList();
        Assert.Empty(ArchitectureRules.StatusUpdatesOutside(sources, "Generation"));
        Assert.Contains(ArchitectureRules.StatusUpdatesOutside(sources, "None"), u => u.StartsWith("Generation/TakeLifecycle.cs: ", StringComparison.Ordinal));
    }

    [Fact]
    public void FeaturesDoNotUseTheEmulator()
    {
        Assert.Empty(ArchitectureRules.FilesNaming(ArchitectureRules.SourceFiles(Path.Combine(WebFolder, "Features")), "SoraStudio.Emulator"));
        Assert.Empty(ArchitectureRules.UsesOfAssembly(WebTypes, "SoraStudio.Web.Features", typeof(EmulatorJobs).Assembly));
    }

    /// <summary>
    /// Features depend one way, downward. At the bottom Accounts (who acts and what each role may do; the activity log's
    /// writer). On it Shots, Assets, Media, Settings; Projects (lists its shots); Takes (generation; a take as a card,
    /// with its status and review badges); Review (a note turns into a remix); Compose (the shot page lists its takes)
    /// and Export (archives carry review notes); Gallery (the take page edits a spec in the composer, the timeline
    /// exports); on top Activity and Api, which read or serve the rest. UI that no one feature owns (the fields of the
    /// composer and the style bible, the gallery's stylesheet) is in Components.
    /// </summary>
    [Fact]
    public void FeatureFoldersFormNoCycle()
    {
        var graph = ArchitectureRules.FeatureDependencies(Path.Combine(WebFolder, "Features"));

        Assert.Contains("Accounts", graph["Api"]);
        var cycle = ArchitectureRules.FindCycle(graph);
        Assert.True(cycle is null, $"Feature folders depend on each other in a cycle: {cycle}");
    }

    [Fact]
    public void FeaturesFormNoCycleInTheCompiledCode()
    {
        var graph = ArchitectureRules.FeatureTypeDependencies(WebTypes, "SoraStudio.Web.Features");

        Assert.Contains("Accounts", graph["Api"]);
        var cycle = ArchitectureRules.FindCycle(graph);
        Assert.True(cycle is null, $"Features use each other in a cycle in the compiled code: {cycle}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (SoraStudio.sln) is not above the test's folder.");
    }
}
