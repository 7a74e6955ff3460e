using SoraStudio.Core.Catalog;
using SoraStudio.Core.Costs;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Costs;

public class CostEstimatorTests
{
    [Fact]
    public void Sora2ForEightSecondsCostsEightyCents()
    {
        var estimate = CostEstimator.Estimate(ShotSpec.Empty with { Seconds = 8 }, ModelCatalog.Default);

        Assert.NotNull(estimate);
        Assert.Equal(0.10m, estimate.PricePerSecond);
        Assert.Equal(0.80m, estimate.PerTake);
        Assert.Equal(0.80m, estimate.Total);
        Assert.Equal("$0.80", estimate.Formatted);
        Assert.Equal("$0.80 (8 s at $0.10/s)", estimate.Summary);
    }

    [Fact]
    public void Sora2ProForTwelveSecondsAtHighResolutionCostsSixDollars()
    {
        var estimate = CostEstimator.Estimate(ShotSpec.Empty with { Model = "sora-2-pro", Size = "1792x1024", Seconds = 12 }, ModelCatalog.Default);

        Assert.Equal("$6.00", estimate?.Formatted);
        Assert.Equal(0.50m, estimate?.PricePerSecond);
    }

    [Fact]
    public void Sora2ProForTwentySecondsAt1080pIsPricedFromTheCatalog()
    {
        var estimate = CostEstimator.Estimate(ShotSpec.Empty with { Model = "sora-2-pro", Size = "1920x1080", Seconds = 20 }, ModelCatalog.Default);

        Assert.Equal("$14.00 (20 s at $0.70/s)", estimate?.Summary);
        Assert.Null(CostEstimator.Estimate(ShotSpec.Empty with { Model = "sora-2-pro", Size = "1920x1080", Seconds = 20 }, ModelCatalog.Launch));
    }

    [Fact]
    public void ALengthIsPricedPerSecondWhateverLengthsTheModelOffersForACreate()
    {
        // An edit of an extended 28 s clip, or an extension's 20 added seconds: no create is that long, the price per second still applies.
        Assert.Equal(2.80m, CostEstimator.EstimateLength("sora-2", "1280x720", 28, ModelCatalog.Launch)?.Total);
        Assert.Equal(2.00m, CostEstimator.EstimateLength("sora-2", "1280x720", 20, ModelCatalog.Launch)?.Total);
        Assert.Null(CostEstimator.EstimateLength("sora-2", "1920x1080", 8, ModelCatalog.Default));
        Assert.Null(CostEstimator.EstimateLength("unknown", "1280x720", 8, ModelCatalog.Default));
    }

    [Fact]
    public void VariationsMultiplyTheTotal()
    {
        var estimate = CostEstimator.Estimate(ShotSpec.Empty with { Model = "sora-2-pro", Seconds = 8 }, ModelCatalog.Default, variations: 4);

        Assert.NotNull(estimate);
        Assert.Equal(2.40m, estimate.PerTake);
        Assert.Equal(9.60m, estimate.Total);
        Assert.Equal("4 × $2.40 = $9.60 (8 s at $0.30/s)", estimate.Summary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void VariationsOutsideOneToFourAreRejected(int variations) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CostEstimator.Estimate(ShotSpec.Empty, ModelCatalog.Default, variations));

    [Theory]
    [InlineData("sora-3", "1280x720", 4)]
    [InlineData("sora-2", "1792x1024", 4)]
    [InlineData("sora-2", "1280x720", 10)]
    public void AnUnknownModelSizeOrDurationHasNoEstimate(string model, string size, int seconds) =>
        Assert.Null(CostEstimator.Estimate(ShotSpec.Empty with { Model = model, Size = size, Seconds = seconds }, ModelCatalog.Default));

    [Fact]
    public void ANullSizeFromJsonHasNoEstimate() =>
        Assert.Null(CostEstimator.Estimate(SpecJson.Deserialize("""{"size":null}"""), ModelCatalog.Default));

    [Fact]
    public void FormattingIsInvariantWhateverTheCurrentCulture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("$1,234.50", CostEstimate.Format(1234.5m));
            Assert.Equal("$0.80", CostEstimator.Estimate(ShotSpec.Empty with { Seconds = 8 }, ModelCatalog.Default)!.Formatted);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
