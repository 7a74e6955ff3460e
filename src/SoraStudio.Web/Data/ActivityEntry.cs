namespace SoraStudio.Web.Data;

public enum ActivityKind
{
    ProjectCreated,
    MemberJoined,
    MemberChanged,
    Generated,
    Remixed,
    Retried,
    Commented,
    Approved,
    ChangesRequested,
    Rated,
    Edited,
    Extended,
    BudgetChanged,
}

/// <summary>One line of a project's append-only activity log: who did what, and what it cost.</summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }
    /// <summary>The actor's display name when it happened.</summary>
    public string Actor { get; set; } = "";

    public ActivityKind Kind { get; set; }
    public long? ShotId { get; set; }
    public long? TakeId { get; set; }
    /// <summary>USD the action committed (generation estimates), if any.</summary>
    public decimal? Cost { get; set; }
    public string Summary { get; set; } = "";
}
