using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Costs;

/// <summary>Estimates a shot's cost from the model catalog's price per second for its size.</summary>
public static class CostEstimator
{
    public const int MaxVariations = 4;

    /// <summary>
    /// The cost of <paramref name="variations"/> takes of the shot, or null when the catalog does not know the
    /// model, does not offer the size for it, or does not allow the duration (there is no price to quote).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Variations outside 1–4.</exception>
    public static CostEstimate? Estimate(ShotSpec spec, ModelCatalog catalog, int variations = 1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(variations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(variations, MaxVariations);

        var model = catalog.Find(spec.Model);
        if (model is null || spec.Size is null || !model.AllowsSeconds(spec.Seconds) || model.PricePerSecond(spec.Size) is not decimal perSecond)
            return null;
        var perTake = perSecond * spec.Seconds;
        return new CostEstimate(model.Id, spec.Size, spec.Seconds, variations, perSecond, perTake, perTake * variations);
    }

    /// <summary>
    /// What extending a clip by <paramref name="addedSeconds"/> costs: the added seconds at the source's price per
    /// second (an extension adds 4–20 s whatever clip lengths the model offers); null without a price.
    /// </summary>
    public static CostEstimate? EstimateExtension(string model, string size, int addedSeconds, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Find(model) is not { } info || info.PricePerSecond(size) is not decimal perSecond)
            return null;
        var cost = perSecond * addedSeconds;
        return new CostEstimate(info.Id, size, addedSeconds, 1, perSecond, cost, cost);
    }
}
