using System.Text.Json.Nodes;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The JSON paths where two specs differ, with both values: a readable failure message.</summary>
public static class SpecDiff
{
    public static string Describe(ShotSpec expected, ShotSpec actual)
    {
        var lines = new List<string>();
        Walk("", JsonNode.Parse(SpecJson.Serialize(expected)), JsonNode.Parse(SpecJson.Serialize(actual)), lines);
        return string.Join('\n', lines);
    }

    private static void Walk(string path, JsonNode? expected, JsonNode? actual, List<string> lines)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e) Walk($"{path}.{key}", value, a[key], lines);
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++) Walk($"{path}[{i}]", e[i], a[i], lines);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    lines.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
