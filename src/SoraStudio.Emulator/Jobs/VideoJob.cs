using System.Globalization;
using System.Text.Json.Serialization;

namespace SoraStudio.Emulator.Jobs;

/// <summary>One job as persisted in DataPath/jobs/{id}.json. Deleted jobs stay as tombstones so pagination and errors stay precise.</summary>
internal sealed class VideoJob
{
    public required string Id { get; init; }
    public required long Sequence { get; init; }
    public required string Model { get; init; }
    public required string Prompt { get; init; }
    public required string Size { get; init; }
    public required string Seconds { get; init; }
    public string? RemixedFromVideoId { get; init; }
    public required long CreatedAtMs { get; init; }

    /// <summary>An edit's or an extension's source video.</summary>
    public string? SourceVideoId { get; init; }

    /// <summary>How many extensions lead to this video (the source's count plus one for an extension).</summary>
    public int ExtensionCount { get; init; }

    /// <summary>An extension's added seconds; <see cref="Seconds"/> is the stitched total.</summary>
    public int? AddedSeconds { get; init; }

    /// <summary>A line above the prompt on the card: what kind of video this is, or whom it casts.</summary>
    public string? Heading { get; init; }

    public string Status { get; set; } = VideoStatus.Queued;
    public long? StartedAtMs { get; set; }
    public long? CompletedAt { get; set; }
    public long? ExpiresAt { get; set; }
    public JobError? Error { get; set; }
    public int FailedProgress { get; set; }
    public bool MediaReady { get; set; }
    public string? ThumbnailContentType { get; set; }
    public bool WebhookSent { get; set; }
    public long? DeletedAt { get; set; }

    [JsonIgnore]
    public bool IsDeleted => DeletedAt is not null;
    [JsonIgnore]
    public bool IsRunning => Status is VideoStatus.Queued or VideoStatus.InProgress;
    [JsonIgnore]
    public long CreatedAt => CreatedAtMs / 1000;
    [JsonIgnore]
    public int Width => int.Parse(Size.AsSpan(0, Size.IndexOf('x')), CultureInfo.InvariantCulture);
    [JsonIgnore]
    public int Height => int.Parse(Size.AsSpan(Size.IndexOf('x') + 1), CultureInfo.InvariantCulture);
    [JsonIgnore]
    public int DurationSeconds => int.Parse(Seconds, CultureInfo.InvariantCulture);

    public VideoJob Clone() => (VideoJob)MemberwiseClone();
}

internal sealed record JobError(string Code, string Message);

internal static class VideoStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
