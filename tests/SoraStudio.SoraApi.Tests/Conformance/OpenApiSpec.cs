using YamlDotNet.RepresentationModel;

namespace SoraStudio.SoraApi.Tests.Conformance;

/// <summary>The shared excerpt of OpenAI's OpenAPI spec (shared/openai/videos-openapi.yaml), loaded once.</summary>
internal static class OpenApiSpec
{
    private static readonly Lazy<YamlMappingNode> Root = new(Load);

    public static YamlMappingNode Schema(string name) =>
        (YamlMappingNode)Child(Child(Root.Value, "components"), "schemas").Children[new YamlScalarNode(name)];

    public static IReadOnlySet<string> PropertyNames(string schema) =>
        Child(Schema(schema), "properties").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

    public static IReadOnlySet<string> Required(string schema) =>
        Schema(schema).Children.TryGetValue(new YamlScalarNode("required"), out var node)
            ? ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!).ToHashSet()
            : new HashSet<string>();

    /// <summary>Every enum value of a schema, including those inside <c>anyOf</c>/<c>oneOf</c> branches.</summary>
    public static IReadOnlySet<string> Enum(string schema) => EnumValues(Schema(schema)).ToHashSet();

    private static IEnumerable<string> EnumValues(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(c => ((YamlScalarNode)c.Key).Value == "enum"
            ? ((YamlSequenceNode)c.Value).Children.Select(n => ((YamlScalarNode)n).Value!)
            : EnumValues(c.Value)),
        YamlSequenceNode list => list.Children.SelectMany(EnumValues),
        _ => [],
    };

    /// <summary>The media types the spec accepts for an operation's request body.</summary>
    public static IReadOnlySet<string> RequestMediaTypes(string path, string method)
    {
        var operation = Child(Child(Child(Root.Value, "paths"), path), method);
        return Child(Child(operation, "requestBody"), "content").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
    }

    public static string SchemaRef(string path, string method, string mediaType)
    {
        var operation = Child(Child(Child(Root.Value, "paths"), path), method);
        var schema = Child(Child(Child(Child(operation, "requestBody"), "content"), mediaType), "schema");
        return ((YamlScalarNode)schema.Children[new YamlScalarNode("$ref")]).Value!.Split('/')[^1];
    }

    private static YamlMappingNode Child(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlMappingNode Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "openai", "videos-openapi.yaml");
            if (File.Exists(file))
            {
                var yaml = new YamlStream();
                using var reader = new StreamReader(file);
                yaml.Load(reader);
                return (YamlMappingNode)yaml.Documents[0].RootNode;
            }
        }
        throw new FileNotFoundException($"No shared/openai/videos-openapi.yaml above {AppContext.BaseDirectory}.");
    }
}
