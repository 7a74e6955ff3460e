namespace SoraStudio.Web.Data;

/// <summary>
/// A member of a project's cast: a provider character made from a 2–4 s clip (cut from a take or uploaded), which a
/// shot sends when its prompt names it verbatim. Written like a take's submission: the row, with its provider, is the
/// intent written before the paid call; the character's id is written the moment the call returns.
/// </summary>
public sealed class CastMember
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>How prompts name the character, and the name the provider was given (1–80 characters).</summary>
    public string Name { get; set; } = "";

    public CastMemberState State { get; set; }

    /// <summary>The Videos API the character was (or is being) made with, as <see cref="Take.Provider"/> records it.</summary>
    public string Provider { get; set; } = "";

    /// <summary>The provider's <c>char_…</c> id; null until the create call returned.</summary>
    public string? CharacterId { get; set; }

    /// <summary>The take the clip was cut from, and where (seconds); null for an uploaded clip.</summary>
    public long? SourceTakeId { get; set; }
    public double? FromSeconds { get; set; }
    public double? ToSeconds { get; set; }

    /// <summary>The uploaded clip's file name, or a name made up for a cut.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The clip sent to the provider, in the clip store ('/' separators).</summary>
    public string ClipPath { get; set; } = "";
    public string ClipSha256 { get; set; } = "";
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }

    /// <summary>A JPEG still from the middle of the clip; null where ffmpeg was missing.</summary>
    public string? ThumbnailPath { get; set; }

    /// <summary>Why it needs attention (its creation's outcome is unknown).</summary>
    public string? ErrorMessage { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last create call was about to be sent (the intent).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>Where a cast member's character stands.</summary>
public enum CastMemberState
{
    /// <summary>The create call is about to go out or is out: intent written, no answer yet.</summary>
    Creating,
    /// <summary>The provider made the character; <see cref="CastMember.CharacterId"/> holds its id.</summary>
    Ready,
    /// <summary>
    /// The call failed without proof that nothing was made, or the process stopped while it was out. The contract
    /// cannot list characters, so nothing can be matched: a person links the id, makes it again knowingly, or removes it.
    /// </summary>
    NeedsAttention,
}
