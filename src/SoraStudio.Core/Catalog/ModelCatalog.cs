namespace SoraStudio.Core.Catalog;

/// <summary>
/// The models the studio can submit to, as data. Defaults follow OpenAI's published limits and prices
/// (videos-api-contract.md §9–10); configuration can replace or add models for any endpoint that
/// serves the same <c>/v1/videos</c> contract.
/// </summary>
public sealed class ModelCatalog
{
    public const string RetiredNote = "OpenAI retired this model and the Videos API on 2026-09-24; other services still serve it.";

    private readonly Dictionary<string, ModelInfo> _byId;

    public ModelCatalog(IEnumerable<ModelInfo> models)
    {
        Models = [.. models];
        _byId = Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModelInfo> Models { get; }

    public ModelInfo? Find(string? id) => id is not null && _byId.TryGetValue(id, out var model) ? model : null;

    /// <summary>
    /// The later guide's limits (≈ March 2026): 16 and 20 second clips on both models, and 1080p (1920x1080,
    /// 1080x1920) on <c>sora-2-pro</c>. No 1080p price was published; $0.70/s is an assumption (configure
    /// <c>Sora:Models</c> to change it).
    /// </summary>
    public static ModelCatalog Default { get; } = Build(laterGuideLimits: true);

    /// <summary>The launch limits (4/8/12 s; 720p, and 1024x1792/1792x1024 on pro), for providers that refuse the later ones.</summary>
    public static ModelCatalog Launch { get; } = Build(laterGuideLimits: false);

    private static ModelCatalog Build(bool laterGuideLimits)
    {
        int[] seconds = laterGuideLimits ? [4, 8, 12, 16, 20] : [4, 8, 12];
        var proPrices = new Dictionary<string, decimal>
        {
            ["1280x720"] = 0.30m, ["720x1280"] = 0.30m, ["1792x1024"] = 0.50m, ["1024x1792"] = 0.50m,
        };
        if (laterGuideLimits)
        {
            proPrices["1920x1080"] = 0.70m;
            proPrices["1080x1920"] = 0.70m;
        }
        return new(
        [
            new ModelInfo
            {
                Id = "sora-2",
                DisplayName = "Sora 2",
                PricePerSecondBySize = new Dictionary<string, decimal> { ["1280x720"] = 0.10m, ["720x1280"] = 0.10m },
                Seconds = seconds,
                StatusNote = RetiredNote,
            },
            new ModelInfo
            {
                Id = "sora-2-pro",
                DisplayName = "Sora 2 Pro",
                PricePerSecondBySize = proPrices,
                Seconds = seconds,
                StatusNote = RetiredNote,
            },
        ]);
    }

    /// <summary>
    /// The default catalog with configured models laid over it: a configured id replaces the default
    /// model of that id, a new id is added.
    /// </summary>
    /// <param name="laterGuideLimits">False starts from <see cref="Launch"/> instead of <see cref="Default"/>.</param>
    public static ModelCatalog FromOptions(IEnumerable<ModelOptions>? configured, bool laterGuideLimits = true)
    {
        var models = (laterGuideLimits ? Default : Launch).Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var option in configured ?? [])
        {
            var model = option.ToModelInfo();
            models[model.Id] = model;
        }
        return new ModelCatalog(models.Values);
    }
}

/// <summary>A model as configuration writes it (<c>Sora:Models:0:Id</c> …), bindable by the options binder.</summary>
public sealed class ModelOptions
{
    public string Id { get; set; } = "";
    public string? DisplayName { get; set; }
    public Dictionary<string, decimal> PricePerSecondBySize { get; set; } = [];
    public List<int> Seconds { get; set; } = [];
    public bool SupportsRemix { get; set; } = true;
    public bool SupportsEdits { get; set; } = true;
    public bool SupportsExtensions { get; set; } = true;
    public bool SupportsReferenceImage { get; set; } = true;
    public string StatusNote { get; set; } = "";

    public ModelInfo ToModelInfo()
    {
        if (string.IsNullOrWhiteSpace(Id))
            throw new ArgumentException("A configured model needs an Id.");
        if (PricePerSecondBySize.Count == 0)
            throw new ArgumentException($"Configured model '{Id}' needs at least one size in PricePerSecondBySize.");
        if (Seconds.Count == 0)
            throw new ArgumentException($"Configured model '{Id}' needs at least one duration in Seconds.");
        return new ModelInfo
        {
            Id = Id,
            DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? Id : DisplayName,
            PricePerSecondBySize = new Dictionary<string, decimal>(PricePerSecondBySize),
            Seconds = [.. Seconds.Order()],
            SupportsRemix = SupportsRemix,
            SupportsEdits = SupportsEdits,
            SupportsExtensions = SupportsExtensions,
            SupportsReferenceImage = SupportsReferenceImage,
            StatusNote = StatusNote,
        };
    }
}
