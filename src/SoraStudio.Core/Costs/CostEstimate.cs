using System.Globalization;

namespace SoraStudio.Core.Costs;

/// <summary>What a shot costs at the catalog's list price, in US dollars.</summary>
public sealed record CostEstimate(string Model, string Size, int Seconds, int Variations, decimal PricePerSecond, decimal PerTake, decimal Total)
{
    /// <summary>The total, e.g. "$0.80".</summary>
    public string Formatted => Format(Total);

    public string PerTakeFormatted => Format(PerTake);

    /// <summary>e.g. "2 × $0.80 = $1.60 (8 s at $0.10/s)", or "$0.80 (8 s at $0.10/s)" for one take.</summary>
    public string Summary => Variations == 1
        ? $"{Formatted} ({Seconds} s at {Format(PricePerSecond)}/s)"
        : $"{Variations} × {PerTakeFormatted} = {Formatted} ({Seconds} s at {Format(PricePerSecond)}/s)";

    /// <summary>Dollars with two decimals and thousands separators, in the invariant culture: "$1,234.50".</summary>
    public static string Format(decimal usd) => usd.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
