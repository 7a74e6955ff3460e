using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Export;

/// <summary>An imported project's name, told apart from the projects the importer already sees.</summary>
public sealed partial class ProjectArchive
{
    /// <summary>
    /// The archive's name if none of the importer's projects has it (in any case), else "Name (imported)", then
    /// "Name (imported 2)", 3 …; an archive of an import counts from its original name, not "(imported) (imported)".
    /// </summary>
    private async Task<string> FreeNameAsync(StudioDbContext db, string name, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleProjectIdsAsync(db);
        var taken = (await db.Projects.Where(p => visible.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return FreeName(name, taken);
    }

    internal static string FreeName(string name, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(name))
            return name;
        var original = ImportedSuffix().Match(name) is { Success: true } match ? match.Groups[1].Value : name;
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? " (imported)" : $" (imported {n})";
            var candidate = Fit(original, TextLimits.Name - suffix.Length) + suffix;
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    /// <summary>The name cut to <paramref name="max"/> characters, never inside a surrogate pair.</summary>
    private static string Fit(string name, int max)
    {
        if (name.Length <= max)
            return name;
        var cut = char.IsHighSurrogate(name[max - 1]) ? max - 1 : max;
        return name[..cut].TrimEnd();
    }

    [GeneratedRegex(@"^(.+) \(imported(?: \d+)?\)$")]
    private static partial Regex ImportedSuffix();
}
