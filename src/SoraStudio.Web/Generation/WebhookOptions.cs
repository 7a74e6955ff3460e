namespace SoraStudio.Web.Generation;

/// <summary>The <c>Studio:Webhooks</c> section: receiving the provider's video.completed / video.failed events.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Studio:Webhooks";

    /// <summary>The signing secret (<c>whsec_…</c>); <c>OPENAI_WEBHOOK_SECRET</c> stands in when unset. Unset: the endpoint refuses every delivery.</summary>
    public string? Secret { get; set; }

    /// <summary>How old (or how far ahead) a delivery's timestamp may be: older ones are replays.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long delivery ids are kept to recognise a redelivery.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(3);
}
