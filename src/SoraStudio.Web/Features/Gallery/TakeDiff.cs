using System.Text.Json;
using System.Text.Json.Nodes;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>One field that differs between two specs: its JSON path and both values as text ("" when absent).</summary>
public sealed record FieldChange(string Field, string Before, string After);

public enum LineChange
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(LineChange Change, string Text);

/// <summary>Field-level differences between two shot specs, and a line diff between two prompts.</summary>
public static class TakeDiff
{
    /// <summary>The fields whose values differ, in the order of the spec's JSON shape (lists compared item by item).</summary>
    public static IReadOnlyList<FieldChange> Fields(ShotSpec before, ShotSpec after)
    {
        var left = Flatten(JsonSerializer.SerializeToNode(before, SpecJson.Options));
        var right = Flatten(JsonSerializer.SerializeToNode(after, SpecJson.Options));
        var keys = left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k))).ToList();
        return keys
            .Select(k => new FieldChange(k, left.GetValueOrDefault(k, ""), right.GetValueOrDefault(k, "")))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    /// <summary>A line diff (longest common subsequence): unchanged lines, lines only in <paramref name="before"/>, lines only in <paramref name="after"/>.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new(LineChange.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
                lines.Add(new(LineChange.Removed, a[x++]));
            else
                lines.Add(new(LineChange.Added, b[y++]));
        }
        while (x < a.Length)
            lines.Add(new(LineChange.Removed, a[x++]));
        while (y < b.Length)
            lines.Add(new(LineChange.Added, b[y++]));
        return lines;
    }

    private static string[] Split(string text) => string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n").Split('\n');

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    if (key != "isEmpty") // a computed property, not a field
                        Walk(value, path.Length == 0 ? key : $"{path}.{key}", fields);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}[{i}]", fields);
                break;
            case JsonValue value:
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                if (text.Length > 0)
                    fields[path] = text;
                break;
        }
    }
}
