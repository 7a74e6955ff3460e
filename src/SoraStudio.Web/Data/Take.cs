using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Data;

/// <summary>One generation: one video at the provider. Rows are written by the worker under a lease.</summary>
public sealed class Take
{
    public long Id { get; set; }
    public long ShotId { get; set; }
    public Shot? Shot { get; set; }

    /// <summary>The shot's project, copied here so that the gallery and the budget read takes without a join.</summary>
    public long ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>
    /// The take's number within its project (1, 2, 3 … in creation order, never reused): what the studio calls it ("Take 3").
    /// Assigned when the take is first saved (<see cref="TakeNumbering"/>); <see cref="Id"/> stays the key in URLs and the API.
    /// </summary>
    public int Number { get; set; }

    public TakeKind Kind { get; set; }

    /// <summary>For a remix, an edit or an extension: the take it was made from, and the change (or what happens next) asked for.</summary>
    public long? ParentTakeId { get; set; }
    public Take? ParentTake { get; set; }
    public string? RemixInstruction { get; set; }

    /// <summary>For a retry: the take this one tries again.</summary>
    public long? RetryOfTakeId { get; set; }

    /// <summary>The spec as submitted: the shot with the style bible applied, when the take was asked for.</summary>
    public ShotSpec Spec { get; set; } = ShotSpec.Empty;

    /// <summary>The exact text sent as <c>prompt</c>.</summary>
    public string Prompt { get; set; } = "";

    public string Model { get; set; } = "";
    public string Size { get; set; } = "";

    /// <summary>The clip's length; for an extension the stitched total (the parent's seconds plus the added ones).</summary>
    public int Seconds { get; set; }
    public long? ReferenceAssetId { get; set; }
    public Asset? ReferenceAsset { get; set; }

    /// <summary>The provider characters (<c>char_…</c>) the create casts: the cast members the prompt names, at most two; null for none.</summary>
    public List<string>? CharacterIds { get; set; }

    public string? VideoId { get; set; }

    /// <summary>
    /// The Videos API the take was last submitted to (the normalised base URL of its Videos API, or the built-in emulator; written
    /// with the submission intent): its video is polled, downloaded and deleted there only. Null: submitted before providers
    /// were recorded, taken to be the studio's current one.
    /// </summary>
    public string? Provider { get; set; }
    public TakeStatus Status { get; set; }
    public int Progress { get; set; }

    /// <summary>When the provider last reported <see cref="Progress"/> (a status poll): with <see cref="SubmittedAt"/>, the render's pace.</summary>
    public DateTimeOffset? ProgressAt { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public FailureClass? FailureClass { get; set; }

    /// <summary>USD the estimator gave when the take was queued; what the budget counts.</summary>
    public decimal EstimatedCost { get; set; }

    /// <summary>USD committed at the provider: the estimate at the moment the provider accepted the create.</summary>
    public decimal? Cost { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the submission intent was written (before the create call).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>
    /// Create calls made for this take (a 429 puts it back in the queue and counts one), counted in the submission
    /// intent's own write: a queued take with attempts has been claimed before, and the provider's list is searched
    /// for it before it is submitted again.
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Leases taken without a step finishing since (counted when leased, cleared when a step ends): a take that
    /// keeps crashing the worker needs attention instead of crashing it forever.
    /// </summary>
    public int StepFailures { get; set; }

    /// <summary>Transient failures in a row (429, 5xx, a cut download): the retry backoff grows with it.</summary>
    public int TransientFailures { get; set; }

    /// <summary>When the worker should next look at the take (poll, backoff); null means now.</summary>
    public DateTimeOffset? NextCheckAt { get; set; }

    /// <summary>Status polls made since the create; the poll backoff grows with it, across restarts.</summary>
    public int Polls { get; set; }

    /// <summary>A create that failed without proof that nothing was created: reconcile, never resubmit.</summary>
    public DateTimeOffset? OutcomeUnknownAt { get; set; }

    public DateTimeOffset? CancelRequestedAt { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public List<Clip> Clips { get; set; } = [];
}
