using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Vocabulary;

/// <summary>A colour temperature band with its colours, mood and the guide's example light sources.</summary>
public sealed record ColorTemperatureTerm(string Term, int MinKelvin, int MaxKelvin, string Colors, string Mood, ValueList<string> Examples)
{
    public string Description => $"{MinKelvin}K–{MaxKelvin}K; {Colors}; {Mood}";
}
