namespace SoraStudio.Core.Catalog;

/// <summary>The later guide's limits on extensions: 4–20 s added per step, six steps, 120 s in all.</summary>
public static class ExtensionLimits
{
    public static IReadOnlyList<int> AddedSeconds { get; } = [4, 8, 12, 16, 20];
    public const int MaxExtensions = 6;
    public const int MaxTotalSeconds = 120;

    /// <summary>
    /// The lengths a clip of <paramref name="seconds"/> may still be extended by, when it is itself the
    /// <paramref name="extensions"/>th extension in a row (0 for an original): none after six, none past 120 s.
    /// </summary>
    public static IReadOnlyList<int> Choices(int seconds, int extensions) =>
        extensions >= MaxExtensions ? [] : AddedSeconds.Where(added => seconds + added <= MaxTotalSeconds).ToArray();
}
