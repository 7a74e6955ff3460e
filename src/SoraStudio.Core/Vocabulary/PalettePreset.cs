using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Vocabulary;

/// <summary>A named set of three to five palette anchors from the guide.</summary>
public sealed record PalettePreset(string Name, ValueList<string> Anchors, string Description);
