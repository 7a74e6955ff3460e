using System.Text.Json;

namespace SoraStudio.Emulator.Endpoints;

internal sealed record CreateVideoRequest(string Prompt, string Model, string Size, string Seconds)
{
    /// <summary>The later guide's <c>characters</c>: ids of characters to cast, at most two.</summary>
    public IReadOnlyList<string> CharacterIds { get; init; } = [];
}

/// <summary>Reads and validates POST /videos (JSON or multipart, bracketed nested keys included) with the real API's messages.</summary>
internal static class CreateVideoRequestReader
{
    public static readonly string[] Models = ["sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08"];
    public static readonly string[] AdvertisedModels = ["sora-2", "sora-2-pro"];
    public static readonly string[] Sizes = ["720x1280", "1280x720", "1024x1792", "1792x1024"];
    public static readonly string[] StandardModelSizes = ["720x1280", "1280x720"];
    public static readonly string[] Seconds = ["4", "8", "12"];
    public static readonly string[] LaterSeconds = ["4", "8", "12", "16", "20"];
    public static readonly string[] LaterSizes = [.. Sizes, "1920x1080", "1080x1920"];
    public const int MaxPromptLength = 32000;
    public const int MaxCharacters = 2;

    private const string InputReference = "input_reference";
    private const string Characters = "characters";

    public static async Task<CreateVideoRequest> ReadAsync(RequestBody body, bool laterGuideLimits = false)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        ReferenceImage? reference = null;
        var characters = new List<string>();
        if (body.Json is { } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "prompt" or "model" or "size" or "seconds":
                        fields[property.Name] = JsonString(property);
                        break;
                    case InputReference:
                        reference = JsonReference(property.Value);
                        break;
                    case Characters:
                        characters.AddRange(JsonCharacters(property.Value));
                        break;
                    default:
                        throw ApiErrors.UnknownParameter(property.Name);
                }
            }
        }
        else if (body.Form is { } form)
        {
            var nested = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in form)
            {
                switch (key)
                {
                    case "prompt" or "model" or "size" or "seconds":
                        fields[key] = value.ToString();
                        break;
                    case InputReference:
                        throw ApiErrors.InvalidType(InputReference, "a file", "a string");
                    case "input_reference[image_url]" or "input_reference[file_id]":
                        nested[key[(InputReference.Length + 1)..^1]] = value.ToString();
                        break;
                    case var _ when IsCharacterKey(key):
                        characters.AddRange(value.Where(v => v is not null).Select(v => v!));
                        break;
                    default:
                        throw ApiErrors.UnknownParameter(key);
                }
            }
            foreach (var file in form.Files)
            {
                if (file.Name != InputReference)
                {
                    throw file.Name is "prompt" or "model" or "size" or "seconds"
                        ? ApiErrors.InvalidType(file.Name, "a string", "a file")
                        : ApiErrors.UnknownParameter(file.Name);
                }
                if (nested.Count > 0)
                {
                    throw ApiErrors.ExactlyOneReference();
                }
                reference = await ReferenceImage.FromFileAsync(file);
            }
            if (nested.Count > 0)
            {
                reference = ReferenceImage.FromObject(nested.GetValueOrDefault("image_url"), nested.GetValueOrDefault("file_id"));
            }
        }

        var prompt = ValidatePrompt(fields.GetValueOrDefault("prompt"));
        var model = fields.GetValueOrDefault("model") ?? "sora-2";
        if (!Models.Contains(model))
        {
            throw ApiErrors.InvalidValue("model", model, AdvertisedModels);
        }
        var allowedSeconds = laterGuideLimits ? LaterSeconds : Seconds;
        var seconds = fields.GetValueOrDefault("seconds") ?? "4";
        if (!allowedSeconds.Contains(seconds))
        {
            throw ApiErrors.InvalidValue("seconds", seconds, allowedSeconds);
        }
        var allowedSizes = laterGuideLimits ? LaterSizes : Sizes;
        var size = fields.GetValueOrDefault("size") ?? "720x1280";
        if (!allowedSizes.Contains(size))
        {
            throw ApiErrors.InvalidValue("size", size, allowedSizes);
        }
        if (!model.StartsWith("sora-2-pro", StringComparison.Ordinal) && !StandardModelSizes.Contains(size))
        {
            throw ApiErrors.InvalidValue("size", size, StandardModelSizes, $" for model '{model}'");
        }
        reference?.Check(size);
        if (characters.Count > MaxCharacters)
        {
            throw ApiErrors.TooManyCharacters(MaxCharacters, characters.Count);
        }
        return new CreateVideoRequest(prompt, model, size, seconds) { CharacterIds = characters };
    }

    /// <summary>Multipart keys of character ids as the SDKs' bracket encoding writes them: characters[][id] or characters[0][id].</summary>
    private static bool IsCharacterKey(string key) =>
        key.StartsWith("characters[", StringComparison.Ordinal) && key.EndsWith("][id]", StringComparison.Ordinal)
        && key["characters[".Length..^"][id]".Length].All(char.IsAsciiDigit);

    private static List<string> JsonCharacters(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw ApiErrors.InvalidType(Characters, "an array", RequestBody.JsonKind(value));
        }
        var ids = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var param = $"{Characters}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiErrors.InvalidType(param, "an object", RequestBody.JsonKind(item));
            }
            string? id = null;
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name != "id")
                {
                    throw ApiErrors.UnknownParameter($"{param}.{property.Name}");
                }
                id = property.Value.ValueKind == JsonValueKind.String
                    ? Text(property.Value, $"{param}.id")
                    : throw ApiErrors.InvalidType($"{param}.id", "a string", RequestBody.JsonKind(property.Value));
            }
            ids.Add(id ?? throw ApiErrors.MissingParameter($"{param}.id"));
        }
        return ids;
    }

    /// <summary>POST /videos/{id}/remix: a prompt and nothing else.</summary>
    public static string ReadRemixPrompt(RequestBody body)
    {
        string? prompt = null;
        if (body.Json is { } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                prompt = property.Name == "prompt" ? JsonString(property) : throw ApiErrors.UnknownParameter(property.Name);
            }
        }
        else if (body.Form is { } form)
        {
            foreach (var (key, value) in form)
            {
                prompt = key == "prompt" ? value.ToString() : throw ApiErrors.UnknownParameter(key);
            }
            if (form.Files.Count > 0)
            {
                var name = form.Files[0].Name;
                throw name == "prompt" ? ApiErrors.InvalidType(name, "a string", "a file") : ApiErrors.UnknownParameter(name);
            }
        }
        return ValidatePrompt(prompt);
    }

    internal static string ValidatePrompt(string? prompt)
    {
        if (prompt is null)
        {
            throw ApiErrors.MissingParameter("prompt");
        }
        if (prompt.Length < 1)
        {
            throw ApiErrors.StringTooShort("prompt", 1, prompt.Length);
        }
        if (prompt.Length > MaxPromptLength)
        {
            throw ApiErrors.StringTooLong("prompt", MaxPromptLength, prompt.Length);
        }
        return prompt;
    }

    internal static string? JsonString(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => Text(property.Value, property.Name),
        JsonValueKind.Null when property.Name != "prompt" => null,
        _ => throw ApiErrors.InvalidType(property.Name, "a string", RequestBody.JsonKind(property.Value)),
    };

    /// <summary>A JSON string's text; an escaped lone surrogate ("\ud800") is valid JSON but no text, so it is refused by name.</summary>
    internal static string Text(JsonElement value, string param)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw ApiErrors.InvalidUnicode(param);
        }
    }

    private static ReferenceImage? JsonReference(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiErrors.InvalidType(InputReference, "an object", RequestBody.JsonKind(value));
        }
        string? imageUrl = null, fileId = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw ApiErrors.InvalidType($"{InputReference}.{property.Name}", "a string", RequestBody.JsonKind(property.Value));
            }
            switch (property.Name)
            {
                case "image_url":
                    imageUrl = Text(property.Value, $"{InputReference}.image_url");
                    break;
                case "file_id":
                    fileId = Text(property.Value, $"{InputReference}.file_id");
                    break;
                default:
                    throw ApiErrors.UnknownParameter($"{InputReference}.{property.Name}");
            }
        }
        return ReferenceImage.FromObject(imageUrl, fileId);
    }
}
