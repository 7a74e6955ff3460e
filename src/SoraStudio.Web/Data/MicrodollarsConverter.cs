using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SoraStudio.Web.Data;

/// <summary>Stores money as whole millionths of a dollar, so SQLite sums it exactly.</summary>
public sealed class MicrodollarsConverter() : ValueConverter<decimal, long>(
    value => (long)decimal.Round(value * 1_000_000m, MidpointRounding.AwayFromZero),
    stored => stored / 1_000_000m);
