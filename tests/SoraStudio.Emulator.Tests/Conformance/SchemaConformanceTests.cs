using System.Text.Json;
using SoraStudio.Emulator.Tests.Support;
using YamlDotNet.RepresentationModel;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Conformance;

/// <summary>Every JSON object the emulator returns has exactly the required fields of the official schema, with the right JSON types.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly Lazy<YamlMappingNode> Schemas = new(LoadSchemas);

    [Fact]
    public async Task VideoListAndDeletedResponsesMatchTheOpenApiSchemas()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var queued = await api.CreateAsync("conformance");
        var completed = await api.WaitAsync(Str(queued, "id")!);
        var failed = await api.WaitAsync(Str(await api.CreateAsync("x [moderation-block]"), "id")!);
        using var remixResponse = await api.PostJsonAsync($"videos/{Str(completed, "id")}/remix", """{"prompt":"again"}""");
        var remix = await ReadOkAsync(remixResponse);
        using var listResponse = await api.Http.GetAsync("videos?limit=2");
        var list = await ReadOkAsync(listResponse);
        using var emptyResponse = await api.Http.GetAsync("videos?limit=0");
        var empty = await ReadOkAsync(emptyResponse);
        await api.WaitAsync(Str(remix, "id")!);
        using var deletedResponse = await api.Http.DeleteAsync($"videos/{Str(completed, "id")}");
        var deleted = await ReadOkAsync(deletedResponse);

        foreach (var video in new[] { queued, completed, failed, remix })
        {
            AssertMatches("VideoResource", video);
        }
        AssertMatches("VideoListResource", list);
        AssertMatches("VideoListResource", empty);
        AssertMatches("DeletedVideoResource", deleted);
    }

    [Fact]
    public async Task EditExtensionAndCharacterResponsesMatchTheOpenApiSchemas()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var source = Str(await api.CreateCompletedAsync(size: "1280x720"), "id");
        using var editResponse = await api.PostFormAsync("videos/edits", ("video[id]", source!), ("prompt", "Make it night"));
        var edit = await ReadOkAsync(editResponse);
        using var extendResponse = await api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{source}}"},"prompt":"then dawn","seconds":"8"}""");
        var extension = await ReadOkAsync(extendResponse);
        var extensionDone = await api.WaitAsync(Str(extension, "id")!);
        using var characterResponse = await api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", SampleClips.Read("1280x720", 4)));
        var character = await ReadOkAsync(characterResponse);
        using var fetchedResponse = await api.Http.GetAsync($"videos/characters/{Str(character, "id")}");
        var fetched = await ReadOkAsync(fetchedResponse);
        using var castResponse = await api.PostJsonAsync("videos", $$"""{"prompt":"Mia waves","characters":[{"id":"{{Str(character, "id")}}"}]}""");
        var cast = await ReadOkAsync(castResponse);
        using var errorResponse = await api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{source}}"},"prompt":"p","seconds":"3"}""");

        foreach (var video in new[] { edit, extension, extensionDone, cast, await api.WaitAsync(Str(edit, "id")!) })
        {
            AssertMatches("VideoResource", video);
        }
        AssertMatches("VideoCharacterResource", character);
        AssertMatches("VideoCharacterResource", fetched);
        AssertMatches("ErrorResponse", JsonDocument.Parse(await errorResponse.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task ErrorsMatchTheErrorResponseSchema()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        using var response = await api.PostJsonAsync("videos", """{"prompt":"p","seconds":"3"}""");

        AssertMatches("ErrorResponse", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public void TheSpecIsFoundBesideTheRepository()
    {
        Assert.True(File.Exists(RepoPaths.OpenApiSpec));
        Assert.Contains("VideoResource", Schemas.Value.Children.Keys.Select(k => k.ToString()));
    }

    private static void AssertMatches(string schemaName, JsonElement json, string path = "$")
    {
        var schema = Resolve((YamlMappingNode)Schemas.Value[schemaName]);
        Assert.True(json.ValueKind == JsonValueKind.Object, $"{path} should be an object ({schemaName})");
        var required = schema.Children.TryGetValue("required", out var r) ? ((YamlSequenceNode)r).Select(n => n.ToString()).ToList() : [];
        var actual = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(required.Order().SequenceEqual(actual.Order()),
            $"{path} ({schemaName}) fields [{string.Join(", ", actual)}] differ from the required [{string.Join(", ", required)}]");
        var properties = (YamlMappingNode)schema["properties"];
        foreach (var property in json.EnumerateObject())
        {
            AssertType(Resolve((YamlMappingNode)properties[property.Name]), property.Value, $"{path}.{property.Name}");
        }
    }

    private static void AssertType(YamlMappingNode schema, JsonElement value, string path)
    {
        if (schema.Children.TryGetValue("anyOf", out var anyOf) || schema.Children.TryGetValue("oneOf", out anyOf))
        {
            var options = ((YamlSequenceNode)anyOf).Select(o => Resolve((YamlMappingNode)o)).ToList();
            Assert.True(options.Any(o => Accepts(o, value)), $"{path} = {value.GetRawText()} matches none of its anyOf types");
            var match = options.First(o => Accepts(o, value));
            if (value.ValueKind == JsonValueKind.Object && match.Children.ContainsKey("properties"))
            {
                AssertObject(match, value, path);
            }
            return;
        }
        Assert.True(Accepts(schema, value), $"{path} = {value.GetRawText()} is not of type {Type(schema)}");
        if (value.ValueKind == JsonValueKind.Object && schema.Children.ContainsKey("properties"))
        {
            AssertObject(schema, value, path);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.Children.TryGetValue("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemSchema = (YamlMappingNode)items;
                if (itemSchema.Children.TryGetValue("$ref", out var reference))
                {
                    AssertMatches(reference.ToString().Split('/')[^1], item, $"{path}[{i++}]");
                }
            }
        }
        if (schema.Children.TryGetValue("enum", out var values))
        {
            Assert.Contains(value.GetString(), ((YamlSequenceNode)values).Select(v => v.ToString()));
        }
    }

    private static void AssertObject(YamlMappingNode schema, JsonElement value, string path)
    {
        var required = ((YamlSequenceNode)schema["required"]).Select(n => n.ToString()).Order();
        Assert.Equal(required, value.EnumerateObject().Select(p => p.Name).Order());
        foreach (var property in value.EnumerateObject())
        {
            AssertType(Resolve((YamlMappingNode)((YamlMappingNode)schema["properties"])[property.Name]), property.Value, $"{path}.{property.Name}");
        }
    }

    private static bool Accepts(YamlMappingNode schema, JsonElement value) => Type(schema) switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        // VideoModel is itself anyOf string types.
        "anyOf" => ((YamlSequenceNode)schema["anyOf"]).Any(o => Accepts(Resolve((YamlMappingNode)o), value)),
        var other => throw new InvalidOperationException($"Unhandled schema type {other}"),
    };

    private static string Type(YamlMappingNode schema) =>
        schema.Children.TryGetValue("type", out var type) ? type.ToString()
        : schema.Children.ContainsKey("anyOf") ? "anyOf"
        : schema.Children.ContainsKey("properties") ? "object"
        : throw new InvalidOperationException("Schema without a type");

    private static YamlMappingNode Resolve(YamlMappingNode schema) =>
        schema.Children.TryGetValue("$ref", out var reference)
            ? Resolve((YamlMappingNode)Schemas.Value[reference.ToString().Split('/')[^1]])
            : schema;

    private static YamlMappingNode LoadSchemas()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoPaths.OpenApiSpec))
        {
            yaml.Load(reader);
        }
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
    }
}
