using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoraStudio.Core.Spec;

/// <summary>The one JSON shape of a <see cref="ShotSpec"/>: camelCase names that never change, for storage and the API.</summary>
public static class SpecJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static string Serialize(ShotSpec spec) => JsonSerializer.Serialize(spec, Options);

    public static ShotSpec Deserialize(string json) =>
        JsonSerializer.Deserialize<ShotSpec>(json, Options) ?? throw new JsonException("A shot spec cannot be null.");
}
