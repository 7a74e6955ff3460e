using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SoraStudio.Web.Data;

/// <summary>Stores a time as Unix milliseconds (UTC), so SQLite compares and orders it as a number.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    stored => DateTimeOffset.FromUnixTimeMilliseconds(stored))
{
    /// <summary>The stored form, for raw SQL parameters.</summary>
    public static long ToStored(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}
