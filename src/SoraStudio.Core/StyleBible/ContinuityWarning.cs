using System.Text.Json.Serialization;

namespace SoraStudio.Core.StyleBible;

/// <summary>What a shot drifted from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContinuityReference>))]
public enum ContinuityReference
{
    StyleBible,
    PreviousShot,
}

/// <summary>A shot whose lighting, palette or style drifts; <paramref name="ShotIndex"/> counts from 0.</summary>
/// <param name="Field">"style", "cinematography.lighting" or "cinematography.paletteAnchors".</param>
public sealed record ContinuityWarning(int ShotIndex, string Field, string Message, ContinuityReference Against);
