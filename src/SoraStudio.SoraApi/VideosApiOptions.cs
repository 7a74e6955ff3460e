namespace SoraStudio.SoraApi;

/// <summary>Settings of the Videos API client, bound from the configuration section <c>Sora</c>.</summary>
public sealed class VideosApiOptions
{
    public const string SectionName = "Sora";
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>The API root, up to and including <c>/v1</c>: the real API, a proxy or the emulator.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Sent as <c>Authorization: Bearer</c>. Never logged, never in messages or <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Sent as <c>OpenAI-Organization</c> when set.</summary>
    public string? Organization { get; set; }

    /// <summary>Sent as <c>OpenAI-Project</c> when set.</summary>
    public string? Project { get; set; }

    /// <summary>Per attempt: a JSON call from sending to the last byte of the response; a download until its headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Reading a download's body, from its headers to its last byte.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff; it doubles per retry up to <see cref="MaxDelay"/>, each wait jittered to 75–100 %.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The longest server-requested wait (<c>retry-after-ms</c>, <c>Retry-After</c>) honoured; asked for longer, the client does not retry.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() =>
        $"VideosApiOptions {{ BaseUrl = {BaseUrl}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}, " +
        $"Organization = {Organization ?? "(not set)"}, Project = {Project ?? "(not set)"}, Timeout = {Timeout}, " +
        $"DownloadTimeout = {DownloadTimeout}, MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, " +
        $"MaxRetryAfter = {MaxRetryAfter} }}";
}
