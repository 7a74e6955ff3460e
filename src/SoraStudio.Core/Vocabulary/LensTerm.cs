namespace SoraStudio.Core.Vocabulary;

/// <summary>A lens family: its focal-length range in millimetres (none for anamorphic) and its character.</summary>
public sealed record LensTerm(string Term, int? MinFocalLength, int? MaxFocalLength, string Description, string Example)
{
    public string FocalLengths => (MinFocalLength, MaxFocalLength) switch
    {
        (int min, int max) => $"{min}mm–{max}mm",
        _ => "",
    };
}
