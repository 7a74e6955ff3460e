using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Tests.Architecture;

/// <summary>
/// The checks behind <see cref="ArchitectureTests"/>, each over inputs it is given (assemblies, types, a source folder),
/// so that <see cref="ArchitectureRulesTests"/> can show each one catching a violation. Each returns the violations
/// as readable lines; none means the rule holds.
/// </summary>
internal static partial class ArchitectureRules
{
    /// <summary>References to anything but the base class library and the named packages.</summary>
    public static IEnumerable<string> ForeignReferences(IEnumerable<AssemblyName> references, params string[] allowedPackages) =>
        references.Select(r => r.Name!)
            .Where(name => !IsBaseClassLibrary(name) && !allowedPackages.Contains(name))
            .Order();

    private static bool IsBaseClassLibrary(string name) =>
        name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>Components that are handed a DbContext or a DbContext factory (by <c>@inject</c>, <c>[Inject]</c> or their constructor).</summary>
    public static IEnumerable<string> ComponentsGivenADbContext(IEnumerable<Type> types) =>
        from type in types
        where typeof(IComponent).IsAssignableFrom(type)
        from dependency in InjectedInto(type)
        where IsDbContextAccess(dependency.Type)
        select $"{type.FullName} gets {dependency.Type.Name} ({dependency.Name})";

    private static IEnumerable<(string Name, Type Type)> InjectedInto(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.IsDefined(typeof(InjectAttribute), inherit: true))
            .Select(p => (p.Name, p.PropertyType))
            .Concat(component.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (p.Name!, p.ParameterType)));

    private static bool IsDbContextAccess(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>));

    /// <summary>Methods outside <paramref name="allowedNamespace"/> (and its children) whose code calls <paramref name="setter"/>.</summary>
    public static IEnumerable<string> CallersOutside(IEnumerable<Type> types, MethodInfo setter, string allowedNamespace) =>
        from type in types
        where !IsIn(type.Namespace, allowedNamespace)
        from method in IlReferences.MethodsOf(type)
        where IlReferences.Of(method).Any(m => m.MetadataToken == setter.MetadataToken && m.Module == setter.Module)
        select $"{type.FullName}.{method.Name} sets {setter.DeclaringType!.Name}.{setter.Name["set_".Length..]}";

    /// <summary>Types in <paramref name="ownerNamespace"/> (or its children) whose signatures or code use a type of <paramref name="forbidden"/>.</summary>
    public static IEnumerable<string> UsesOfAssembly(IEnumerable<Type> types, string ownerNamespace, Assembly forbidden) =>
        from type in types
        where IsIn(type.Namespace, ownerNamespace)
        from used in IlReferences.TypesUsedBy(type)
        where used.Assembly == forbidden
        select $"{type.FullName} uses {used.FullName}";

    private static bool IsIn(string? name, string parent) =>
        name is not null && (name == parent || name.StartsWith(parent + ".", StringComparison.Ordinal));

    /// <summary>C# and Razor files under <paramref name="folder"/>, as paths relative to it with '/'.</summary>
    public static IEnumerable<(string Path, string Text)> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    /// <summary>Files that name <paramref name="forbiddenNamespace"/> (a using, an @using or a qualified name).</summary>
    public static IEnumerable<string> FilesNaming(IEnumerable<(string Path, string Text)> files, string forbiddenNamespace)
    {
        var pattern = new Regex($@"\b{Regex.Escape(forbiddenNamespace)}\b");
        return files.Where(f => pattern.IsMatch(f.Text)).Select(f => f.Path);
    }

    /// <summary>
    /// Statements that write a take's status in the database without the entity: an <c>ExecuteUpdate</c> setting
    /// <c>Status</c> (only takes have one, see <see cref="ArchitectureTests"/>) or raw SQL updating the Takes table's Status.
    /// Files under <paramref name="allowedFolder"/> (relative, with '/') may.
    /// </summary>
    public static IEnumerable<string> StatusUpdatesOutside(IEnumerable<(string Path, string Text)> files, string allowedFolder) =>
        from file in files
        where !file.Path.StartsWith(allowedFolder.TrimEnd('/') + "/", StringComparison.Ordinal)
        from statement in file.Text.Split(';')
        where StatusSetProperty().IsMatch(statement) || TakesStatusUpdate().IsMatch(statement)
        select $"{file.Path}: {Regex.Replace(statement.Trim(), @"\s+", " ")}";

    [GeneratedRegex(@"SetProperty\(\s*(\w+)\s*=>\s*\1\.Status\b")]
    private static partial Regex StatusSetProperty();

    /// <summary>Raw SQL whose SET clause (before any WHERE) assigns the Takes table's Status.</summary>
    [GeneratedRegex(@"\bUPDATE\s+""?Takes""?\s+SET\b(?:(?!\bWHERE\b)[\s\S])*?""?\bStatus\b""?\s*=(?!=)", RegexOptions.IgnoreCase)]
    private static partial Regex TakesStatusUpdate();

    /// <summary>
    /// Which feature folder (a folder right under <paramref name="featuresFolder"/>) names which other: by a using,
    /// an @using (an _Imports.razor counts for its folder) or a qualified name, <c>Features.X</c> with or without
    /// <c>SoraStudio.Web.</c> before it.
    /// </summary>
    public static Dictionary<string, SortedSet<string>> FeatureDependencies(string featuresFolder)
    {
        var features = Directory.GetDirectories(featuresFolder).Select(Path.GetFileName).OfType<string>().ToHashSet();
        var graph = features.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var (path, text) in SourceFiles(featuresFolder))
        {
            var owner = path.Split('/')[0];
            if (!features.Contains(owner))
                continue;
            foreach (Match match in FeatureReference().Matches(text))
            {
                var used = match.Groups[1].Value;
                if (used != owner && features.Contains(used))
                    graph[owner].Add(used);
            }
        }
        return graph;
    }

    [GeneratedRegex(@"\bFeatures\.(\w+)")]
    private static partial Regex FeatureReference();

    /// <summary>
    /// Which feature (a namespace right under <paramref name="featuresNamespace"/>) uses which other in compiled code:
    /// signatures and IL, Razor components included. This sees a use the sources need not name (a type inferred, a
    /// component found through another folder's imports) that <see cref="FeatureDependencies"/> would miss.
    /// </summary>
    public static Dictionary<string, SortedSet<string>> FeatureTypeDependencies(IEnumerable<Type> types, string featuresNamespace)
    {
        var graph = new Dictionary<string, SortedSet<string>>();
        foreach (var type in types)
        {
            if (FeatureOf(type, featuresNamespace) is not { } owner)
                continue;
            if (!graph.TryGetValue(owner, out var uses))
                graph[owner] = uses = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var used in IlReferences.TypesUsedBy(type))
            {
                if (FeatureOf(used, featuresNamespace) is { } other && other != owner)
                    uses.Add(other);
            }
        }
        return graph;
    }

    private static string? FeatureOf(Type type, string featuresNamespace) =>
        type.Namespace is { } name && name.StartsWith(featuresNamespace + ".", StringComparison.Ordinal)
            ? name[(featuresNamespace.Length + 1)..].Split('.')[0]
            : null;

    /// <summary>A cycle of the graph as "A → B → A", or null when it has none.</summary>
    public static string? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var finished = new HashSet<string>();
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
                return string.Join(" → ", cycle);
        }
        return null;

        List<string>? Visit(string node)
        {
            if (path.Contains(node))
                return [.. path.Skip(path.IndexOf(node)), node];
            if (!finished.Add(node))
                return null;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }
}
