namespace SoraStudio.Core.Catalog;

/// <summary>What one model served at a <c>/v1/videos</c> endpoint allows, and what it costs.</summary>
public sealed record ModelInfo
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Allowed sizes ("1280x720") with the price in USD per second of video at that size.</summary>
    public required IReadOnlyDictionary<string, decimal> PricePerSecondBySize { get; init; }

    public required IReadOnlyList<int> Seconds { get; init; }
    public bool SupportsRemix { get; init; } = true;

    /// <summary><c>POST /videos/edits</c> (the later guide's successor of remix).</summary>
    public bool SupportsEdits { get; init; } = true;

    /// <summary><c>POST /videos/extensions</c>.</summary>
    public bool SupportsExtensions { get; init; } = true;
    public bool SupportsReferenceImage { get; init; } = true;
    public string StatusNote { get; init; } = "";

    public IEnumerable<string> Sizes => PricePerSecondBySize.Keys;

    public bool AllowsSize(string size) => PricePerSecondBySize.ContainsKey(size);
    public bool AllowsSeconds(int seconds) => Seconds.Contains(seconds);

    public decimal? PricePerSecond(string size) =>
        PricePerSecondBySize.TryGetValue(size, out var price) ? price : null;
}
