namespace SoraStudio.Web.Data;

/// <summary>
/// The review of one take: its state, rating and the note that goes with a request for changes. A take without a
/// row is pending. A shot's approved take is its most recently approved one.
/// </summary>
public sealed class TakeReview
{
    public long TakeId { get; set; }
    public Take? Take { get; set; }

    /// <summary>Copied from the take so that queues read reviews without a join.</summary>
    public long ProjectId { get; set; }
    public long ShotId { get; set; }

    public ReviewState State { get; set; }
    /// <summary>1–5, or null when nobody rated the take.</summary>
    public int? Rating { get; set; }
    /// <summary>Required when changes are requested.</summary>
    public string Note { get; set; } = "";

    public string? ReviewedByUserId { get; set; }

    /// <summary>Who reviewed an imported take when no account of this studio has their email (see <see cref="TakeComment.ImportedAuthorName"/>).</summary>
    public string? ImportedReviewerName { get; set; }
    public string? ImportedReviewerEmail { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
