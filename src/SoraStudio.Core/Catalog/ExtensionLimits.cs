namespace SoraStudio.Core.Catalog;

/// <summary>The later guide's limits on extensions: 4–20 s added per step, six steps, 120 s in all.</summary>
public static class ExtensionLimits
{
    public static IReadOnlyList<int> AddedSeconds { get; } = [4, 8, 12, 16, 20];
    public const int MaxExtensions = 6;
    public const int MaxTotalSeconds = 120;
}
