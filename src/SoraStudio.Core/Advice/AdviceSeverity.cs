using System.Text.Json.Serialization;

namespace SoraStudio.Core.Advice;

[JsonConverter(typeof(JsonStringEnumConverter<AdviceSeverity>))]
public enum AdviceSeverity
{
    /// <summary>A suggestion that usually improves the result.</summary>
    Info,

    /// <summary>Likely to misfire, or to be rejected by moderation.</summary>
    Warning,
}
