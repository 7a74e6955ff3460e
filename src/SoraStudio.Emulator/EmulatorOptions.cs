namespace SoraStudio.Emulator;

/// <summary>Settings of the Videos API emulator, bound from the configuration section "Emulator".</summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>Folder holding one JSON file per job and the rendered media; a restart loses nothing.</summary>
    public string DataPath { get; set; } = "./data/emulator";

    /// <summary>Bearer key the emulator requires; null accepts any bearer token (a bearer is still required).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Simulated render time per second of clip: a 4 s clip at 2.0 completes about 8 s after it starts.</summary>
    public double RenderSecondsPerVideoSecond { get; set; } = 2.0;

    /// <summary>How long a new job stays "queued" before it goes "in_progress".</summary>
    public int QueueDelayMs { get; set; } = 500;

    /// <summary>Value of the "openai-poll-after-ms" header on GET /videos/{id}.</summary>
    public int PollAfterMs { get; set; } = 1000;

    /// <summary>Seconds a completed job's assets stay downloadable (expires_at = completed_at + this).</summary>
    public int ExpirySeconds { get; set; } = 3600;

    /// <summary>A prompt containing this text (case-insensitive) ends "failed" with error code moderation_blocked.</summary>
    public string ModerationMarker { get; set; } = "[moderation-block]";

    /// <summary>Queued + in-progress jobs allowed at once; a create beyond it gets 429 "Too many running tasks".</summary>
    public int MaxRunningJobs { get; set; } = 2;

    /// <summary>Largest accepted request body; bigger bodies get 413 in the error envelope.</summary>
    public long MaxRequestBodyBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// Accept the later guide's limits beyond the spec's enums: 16 and 20 s clips, and 1920x1080 / 1080x1920 for
    /// <c>sora-2-pro</c>. False answers them as the launch-era API did (invalid value).
    /// </summary>
    public bool LaterGuideLimits { get; set; } = true;

    public EmulatorMediaOptions Media { get; set; } = new();

    public EmulatorFaultOptions Faults { get; set; } = new();

    public EmulatorWebhookOptions Webhook { get; set; } = new();
}

/// <summary>How clips are made: ffmpeg when present, otherwise the committed sample clips.</summary>
public sealed class EmulatorMediaOptions
{
    /// <summary>Set false to never run ffmpeg and serve the bundled sample clips instead.</summary>
    public bool UseFfmpeg { get; set; } = true;

    /// <summary>ffmpeg executable (a name looked up on PATH, or a full path).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>TrueType font for the title card; null picks DejaVu Sans if installed, else no text.</summary>
    public string? FontFile { get; set; }

    /// <summary>Frames per second of rendered clips.</summary>
    public int FramesPerSecond { get; set; } = 24;

    /// <summary>ffmpeg -threads value.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>ffmpeg processes allowed at once.</summary>
    public int MaxConcurrentRenders { get; set; } = 1;

    /// <summary>An ffmpeg run taking longer is killed and the job falls back to a sample clip.</summary>
    public int RenderTimeoutSeconds { get; set; } = 120;
}

/// <summary>Injected faults. Rates are probabilities 0..1, drawn per request.</summary>
public sealed class EmulatorFaultOptions
{
    /// <summary>Share of requests answered 429 "Rate limit reached for requests" with Retry-After.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>Retry-After (seconds) sent with injected rate-limit 429s.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Share of requests answered 500 server_error.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests delayed by <see cref="SlowResponseDelay"/> before being answered.</summary>
    public double SlowResponseRate { get; set; }

    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of content downloads whose connection is dropped half-way through the body.</summary>
    public double DropDownloadRate { get; set; }

    /// <summary>Seed of the fault dice; null draws a random seed.</summary>
    public int? Seed { get; set; }
}

/// <summary>Standard Webhooks delivery of video.completed / video.failed events.</summary>
public sealed class EmulatorWebhookOptions
{
    /// <summary>Endpoint receiving events; null sends none.</summary>
    public string? Url { get; set; }

    /// <summary>Signing secret, "whsec_" + base64 (other text is used as raw UTF-8 key bytes).</summary>
    public string? Secret { get; set; }

    /// <summary>Delivery attempts per event (the first one included).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubles on each further retry.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time the receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
