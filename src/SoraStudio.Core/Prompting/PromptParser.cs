using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// Reads prompt text (the guide's five-part or ultra-detailed layout, or free prose) into a <see cref="ShotSpec"/>.
/// Never throws and never drops text: what fits no section becomes scene prose. Linear in the length of the text.
/// </summary>
public static class PromptParser
{
    /// <summary>Parses with the default generation parameters, unless the text names them ("Model: sora-2-pro").</summary>
    public static ShotSpec Parse(string? text) => Parse(text, ShotSpec.Empty);

    /// <summary>
    /// Parses with the model, size, seconds and reference image of <paramref name="baseSpec"/>, which the prompt
    /// text does not carry; "Model:", "Size:" and "Seconds:" lines in the text take precedence.
    /// </summary>
    public static ShotSpec Parse(string? text, ShotSpec baseSpec)
    {
        ArgumentNullException.ThrowIfNull(baseSpec);
        var generation = new GenerationDraft();
        var spec = new PromptReader(generation).Read(text ?? "", baseSpec);
        // A parameter named twice with different values stays text: read again, this time without it.
        return generation.Conflicts.Count == 0
            ? spec
            : new PromptReader(new GenerationDraft(generation.Conflicts)).Read(text ?? "", baseSpec);
    }
}
