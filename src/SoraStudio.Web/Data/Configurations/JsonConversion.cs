using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Data.Configurations;

/// <summary>
/// Core's immutable records (shot specs, style bibles, overrides) as JSON text columns, in the one JSON shape
/// of <see cref="SpecJson"/>. They compare by value, so change tracking needs no snapshot copies.
/// </summary>
internal static class JsonConversion<T> where T : class
{
    public static ValueConverter<T, string> Converter { get; } = new(
        value => JsonSerializer.Serialize(value, SpecJson.Options),
        json => JsonSerializer.Deserialize<T>(json, SpecJson.Options)!);

    public static ValueComparer<T> Comparer { get; } = new((a, b) => Equals(a, b), value => value.GetHashCode(), value => value);
}
