using System.Text.Json.Serialization;
using SoraStudio.Core.Advice;

namespace SoraStudio.Core.StyleBible;

/// <summary>The fields of a <see cref="StyleBible"/> that shots inherit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BibleField>))]
public enum BibleField
{
    Style,
    Lighting,
    PaletteAnchors,
    Setting,
    Characters,
}

public static class BibleFieldExtensions
{
    /// <summary>The shot field a bible field fills, as advice and validation name it: setting and characters go into the scene.</summary>
    public static string SpecPath(this BibleField field) => field switch
    {
        BibleField.Style => SpecFields.Style,
        BibleField.Lighting => SpecFields.Lighting,
        BibleField.PaletteAnchors => SpecFields.PaletteAnchors,
        BibleField.Setting or BibleField.Characters => SpecFields.Scene,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
