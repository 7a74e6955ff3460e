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
    bool HasThumbnail,
    int? Width = null,
    int? Height = null)
{
    /// <summary>The clip's real length where it was probed, else the length asked for.</summary>
    public double Length => DurationSeconds is > 0 ? DurationSeconds.Value : Seconds;

    /// <summary>The video as the join sees it before probing: its stored picture size, else the size asked for.</summary>
    public JoinInput? JoinInput => Width is > 0 && Height is > 0 ? new JoinInput(Width.Value, Height.Value, Length)
        : JoinPlan.ParseSize(Size) is { } size ? new JoinInput(size.Width, size.Height, Length) : null;
}

/// <summary>The project's shots in order: the selected takes, and the shots that have none.</summary>
public sealed record ProjectSequence(long ProjectId, string ProjectName, IReadOnlyList<SequenceClip> Clips, IReadOnlyList<string> ShotsWithoutTake)
{
    public double TotalSeconds => Clips.Sum(c => c.Length);
    public decimal TotalCost => Clips.Sum(c => c.Cost);

    /// <summary>How a joined MP4 would be made, from the sizes known without probing; null when nothing is selected.</summary>
    public JoinPlan? JoinPlan => Clips.Count > 0 && Clips.All(c => c.JoinInput is not null) ? Export.JoinPlan.For(Clips.Select(c => c.JoinInput!).ToList()) : null;
}
