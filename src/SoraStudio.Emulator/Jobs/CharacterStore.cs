using System.Text.Json;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;

namespace SoraStudio.Emulator.Jobs;

/// <summary>Characters in memory, each mirrored to DataPath/characters/{id}.json, so a restart keeps them.</summary>
internal sealed class CharacterStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, VideoCharacterResource> _characters = new(StringComparer.Ordinal);
    private readonly string _folder;

    public CharacterStore(IOptions<EmulatorOptions> options)
    {
        _folder = Path.Combine(Path.GetFullPath(options.Value.DataPath), "characters");
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllBytes(file), EmulatorJson.Api.VideoCharacterResource) is { Id: { } id } character)
                {
                    _characters[id] = character;
                }
            }
            catch (JsonException)
            {
                // A torn file from a crash mid-write: that character was never answered as created.
            }
        }
    }

    public VideoCharacterResource? Find(string id)
    {
        lock (_gate)
        {
            return _characters.GetValueOrDefault(id);
        }
    }

    public void Add(VideoCharacterResource character)
    {
        lock (_gate)
        {
            var path = Path.Combine(_folder, character.Id + ".json");
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(character, EmulatorJson.Api.VideoCharacterResource));
            File.Move(temporary, path, overwrite: true);
            _characters[character.Id!] = character;
        }
    }
}
