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
    /// What <paramref name="seconds"/> of video cost at the model's price per second for the size, whatever clip lengths
    /// the model offers for a create: an extension's added seconds (4–20 s), or an edit or remix of a clip of any length
    /// (an extended one is the stitched total). Null without a price.
    /// </summary>
    public static CostEstimate? EstimateLength(string model, string size, int seconds, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Find(model) is not { } info || info.PricePerSecond(size) is not decimal perSecond)
            return null;
        var cost = perSecond * seconds;
        return new CostEstimate(info.Id, size, seconds, 1, perSecond, cost, cost);
    }
}
