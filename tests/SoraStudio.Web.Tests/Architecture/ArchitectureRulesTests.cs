using System.Reflection;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Tests.Architecture.Fakes;
using SoraStudio.Web.Tests.Architecture.Fakes.Features;
using SoraStudio.Web.Tests.Architecture.Fakes.Generation;

namespace SoraStudio.Web.Tests.Architecture;

/// <summary>Each architecture check finds a violation planted in synthetic input (fake types, a source tree in a temp folder).</summary>
public sealed class ArchitectureRulesTests : IDisposable
{
    private const string FakesNamespace = "SoraStudio.Web.Tests.Architecture.Fakes";
    private static readonly Type[] Fakes = typeof(StatusWriters).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith(FakesNamespace, StringComparison.Ordinal) == true).ToArray();

    private readonly TempFolder _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void AFrameworkOrOneOfOurAssembliesIsAForeignReferenceAndTheBaseClassLibraryIsNot()
    {
        var references = new[] { "System.Runtime", "netstandard", "System.Collections.Immutable", "FluentValidation",
            "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.EntityFrameworkCore", "SoraStudio.Web" }.Select(n => new AssemblyName(n));

        Assert.Equal(["Microsoft.AspNetCore.Http.Abstractions", "Microsoft.EntityFrameworkCore", "SoraStudio.Web"],
            ArchitectureRules.ForeignReferences(references, "FluentValidation"));
    }

    [Fact]
    public void AComponentHandedTheDbContextOrItsFactoryIsFoundHoweverItIsInjected()
    {
        var found = ArchitectureRules.ComponentsGivenADbContext(Fakes).ToList();

        Assert.Equal(4, found.Count);
        Assert.Contains(found, f => f.StartsWith(typeof(PageInjectingTheContext).FullName + " gets IDbContextFactory`1", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith(typeof(ComponentWithContextFactory).FullName + " ", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith(typeof(ComponentWithPrivateContext).FullName + " gets StudioDbContext", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith(typeof(ComponentWithContextInItsConstructor).FullName + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void WritingATakesStatusOutsideTheAllowedNamespaceIsFoundInMethodsLambdasAndAsyncCode()
    {
        var setter = typeof(Take).GetProperty(nameof(Take.Status))!.SetMethod!;

        var found = ArchitectureRules.CallersOutside(Fakes, setter, typeof(AllowedStatusWriter).Namespace!).ToList();

        Assert.Contains(found, f => f.Contains(".StatusWriters.Finish sets Take.Status", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains(".StatusWriters.Imported ", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("<FinishLaterAsync>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("<FinishAll>", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("IsReady", StringComparison.Ordinal) || f.Contains(nameof(AllowedStatusWriter), StringComparison.Ordinal));
    }

    [Fact]
    public void UsingTheEmulatorFromAFeatureIsFoundInSignaturesAndInCode()
    {
        var found = ArchitectureRules.UsesOfAssembly(Fakes, typeof(NoEmulator).Namespace!, typeof(EmulatorJobs).Assembly).ToList();

        Assert.Contains($"{typeof(EmulatorInSignature).FullName} uses {typeof(EmulatorJobs).FullName}", found);
        Assert.Contains($"{typeof(EmulatorInCodeOnly).FullName} uses {typeof(EmulatorJobs).FullName}", found);
        Assert.DoesNotContain(found, f => f.StartsWith(typeof(NoEmulator).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void AFileNamingTheEmulatorsNamespaceIsFound()
    {
        Write("Features/Takes/UsesJobs.razor", "@using SoraStudio.Emulator.Jobs\n<p>jobs</p>");
        Write("Features/Gallery/Qualified.cs", "class Q { object F = new SoraStudio.Emulator.EmulatorJobs(); }");
        Write("Features/Shots/Clean.cs", "using SoraStudio.Web.Data; // SoraStudio.EmulatorLike is another name");

        var found = ArchitectureRules.FilesNaming(ArchitectureRules.SourceFiles(_tree.Path), "SoraStudio.Emulator");

        Assert.Equal(["Features/Gallery/Qualified.cs", "Features/Takes/UsesJobs.razor"], found);
    }

    [Fact]
    public void UpdatingATakesStatusInTheDatabaseOutsideGenerationIsFoundButReadsAndOtherColumnsAreNot()
    {
        Write("Features/Takes/Cancel.cs", """
            await db.Takes.Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextCheckAt, now).SetProperty(x => x.Status, TakeStatus.Canceled), ct);
            """);
        Write("Features/Shots/Raw.cs", """await db.Database.ExecuteSqlAsync($"UPDATE "Takes" SET "Status" = {status} WHERE "Id" = {id}");""");
        Write("Features/Gallery/Reads.cs", """
            var queued = await db.Takes.Where(t => t.Status == TakeStatus.Queued).ToListAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE Takes SET LeaseOwner = NULL WHERE Status = {queued}");
            await db.Takes.ExecuteUpdateAsync(s => s.SetProperty(t => t.StatusNote, "x"));
            """);
        Write("Generation/Steps.cs", "await db.Takes.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TakeStatus.Ready));");

        var found = ArchitectureRules.StatusUpdatesOutside(ArchitectureRules.SourceFiles(_tree.Path), "Generation").ToList();

        Assert.Equal(2, found.Count);
        Assert.StartsWith("Features/Shots/Raw.cs: ", found[0], StringComparison.Ordinal);
        Assert.StartsWith("Features/Takes/Cancel.cs: await db.Takes", found[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FeatureFoldersThatDependOnEachOtherInACircleAreReportedWithThePath()
    {
        Write("Compose/ShotPage.razor", "@using SoraStudio.Web.Features.Takes\n<TakeList />");
        Write("Takes/_Imports.razor", "@using SoraStudio.Web.Features.Gallery");
        Write("Gallery/GalleryQueries.cs", "var page = typeof(Features.Compose.ShotPage); var f = context.Features.Get<IThing>();");
        Write("Accounts/Access.cs", "namespace SoraStudio.Web.Features.Accounts; class Access { }");
        Write("Shared.cs", "using SoraStudio.Web.Features.Accounts;");

        var graph = ArchitectureRules.FeatureDependencies(_tree.Path);

        Assert.Equal(["Takes"], graph["Compose"]);
        Assert.Empty(graph["Accounts"]);
        Assert.Equal("Compose → Takes → Gallery → Compose", ArchitectureRules.FindCycle(graph));
    }

    [Fact]
    public void FeatureFoldersThatOnlyDependDownwardHaveNoCycle()
    {
        Write("Compose/ShotPage.razor", "@using SoraStudio.Web.Features.Takes\n@using SoraStudio.Web.Features.Accounts");
        Write("Takes/TakeList.razor", "@using SoraStudio.Web.Features.Accounts");
        Write("Accounts/Access.cs", "class Access { }");

        Assert.Null(ArchitectureRules.FindCycle(ArchitectureRules.FeatureDependencies(_tree.Path)));
    }

    [Fact]
    public void FeaturesThatUseEachOtherInCompiledCodeAreReportedEvenWhenOnlyTheCodeNamesTheOther()
    {
        var graph = ArchitectureRules.FeatureTypeDependencies(Fakes, FakesNamespace + ".Features");

        Assert.Equal(["Leaf", "Pong"], graph["Ping"]);
        Assert.Equal(["Leaf", "Ping"], graph["Pong"]);
        Assert.Empty(graph["Leaf"]);
        Assert.Equal("Ping → Pong → Ping", ArchitectureRules.FindCycle(graph));
        graph["Ping"].Remove("Pong");
        Assert.Null(ArchitectureRules.FindCycle(graph));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_tree.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
