namespace SoraStudio.Web.Features.Export;

/// <summary>One selected take on the project's timeline, with what an export writes about it.</summary>
public sealed record SequenceClip(
    int Number,
    long ShotId,
    string ShotTitle,
    long TakeId,
    string Prompt,
    string Model,
    string Size,
    int Seconds,
    decimal Cost,
    double? DurationSeconds,
    string? VideoPath,
    bool HasThumbnail)
{
    /// <summary>The clip's real length where it was probed, else the length asked for.</summary>
    public double Length => DurationSeconds is > 0 ? DurationSeconds.Value : Seconds;
}

/// <summary>The project's shots in order: the selected takes, and the shots that have none.</summary>
public sealed record ProjectSequence(long ProjectId, string ProjectName, IReadOnlyList<SequenceClip> Clips, IReadOnlyList<string> ShotsWithoutTake)
{
    public double TotalSeconds => Clips.Sum(c => c.Length);
    public decimal TotalCost => Clips.Sum(c => c.Cost);
}
