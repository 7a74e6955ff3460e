using System.Text.Json;
using System.Text.Json.Serialization;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// <c>project.json</c> of a portable project archive. Rows refer to each other by keys local to the archive
/// (shot, take and comment numbers), never by database ids, and people by name and email, so an archive imports into
/// any studio. Version 2 added the review notes (reviews, ratings, comments); version 1 archives still import.
/// </summary>
public sealed record ArchiveManifest
{
    public const string FileName = "project.json";
    public const string Format = "sora-studio-project";
    public const int CurrentVersion = 2;
    /// <summary>The oldest version this studio imports: version 1 has no review notes.</summary>
    public const int OldestVersion = 1;

    public static JsonSerializerOptions Json { get; } = new(SpecJson.Options)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonPropertyName("format")] public string FormatName { get; init; } = Format;
    public int Version { get; init; } = CurrentVersion;
    public DateTimeOffset ExportedAt { get; init; }
    public ArchiveProject Project { get; init; } = new();
    public List<ArchiveShot> Shots { get; init; } = [];
    public List<ArchiveTake> Takes { get; init; } = [];
}

public sealed record ArchiveProject
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public StyleBible StyleBible { get; init; } = StyleBible.Empty;
    public string DefaultModel { get; init; } = "";
    public string DefaultSize { get; init; } = "";
    public decimal? Budget { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record ArchiveShot
{
    public int Key { get; init; }
    public int Position { get; init; }
    public string Title { get; init; } = "";
    public ShotSpec Spec { get; init; } = ShotSpec.Empty;
    public ShotOverrides Overrides { get; init; } = ShotOverrides.None;
    public string Notes { get; init; } = "";
    public int? SelectedTake { get; init; }
    /// <summary>The shot's approved take as its reviews say (the one approved most recently); checked against them on import.</summary>
    public int? ApprovedTake { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A take with its lineage (parent and retry keys) and its files.</summary>
public sealed record ArchiveTake
{
    public int Key { get; init; }
    public int Shot { get; init; }
    public int? Parent { get; init; }
    public int? RetryOf { get; init; }
    public string? RemixInstruction { get; init; }
    public ShotSpec Spec { get; init; } = ShotSpec.Empty;
    public string Prompt { get; init; } = "";
    public string Model { get; init; } = "";
    public string Size { get; init; } = "";
    public int Seconds { get; init; }
    public string? VideoId { get; init; }
    public TakeStatus Status { get; init; }
    public int Progress { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public FailureClass? FailureClass { get; init; }
    public decimal EstimatedCost { get; init; }
    public decimal? Cost { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public int Attempts { get; init; }
    public List<ArchiveClip> Clips { get; init; } = [];
    /// <summary>Null when nobody reviewed or rated the take.</summary>
    public ArchiveReview? Review { get; init; }
    /// <summary>Comments and their replies, oldest first.</summary>
    public List<ArchiveComment> Comments { get; init; } = [];
}

/// <summary>Someone who wrote a note: matched by email to an account of the importing studio.</summary>
public sealed record ArchivePerson
{
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
}

/// <summary>A take's review: its state (a <see cref="ReviewState"/> name), rating and the note of a request for changes.</summary>
public sealed record ArchiveReview
{
    public string State { get; init; } = nameof(ReviewState.Pending);
    public int? Rating { get; init; }
    public string Note { get; init; } = "";
    public ArchivePerson? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
}

/// <summary>A time-coded comment on a take, or (with <see cref="ReplyTo"/>) a reply to one.</summary>
public sealed record ArchiveComment
{
    public int Key { get; init; }
    public int? ReplyTo { get; init; }
    public ArchivePerson Author { get; init; } = new();
    public string Body { get; init; } = "";
    public double? StartSeconds { get; init; }
    public double? EndSeconds { get; init; }
    public List<ArchivePerson> Mentions { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public ArchivePerson? ResolvedBy { get; init; }
    /// <summary>The take remixed from this comment (its key).</summary>
    public int? RemixTake { get; init; }
}

/// <summary>A file of a take: <see cref="Path"/> inside the zip (<c>clips/{sha256}{ext}</c>) and its checksum.</summary>
public sealed record ArchiveClip
{
    public string Variant { get; init; } = "";
    public string Path { get; init; } = "";
    public long Bytes { get; init; }
    public string Sha256 { get; init; } = "";
    public string ContentType { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
    public double? DurationSeconds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
