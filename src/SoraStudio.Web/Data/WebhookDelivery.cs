namespace SoraStudio.Web.Data;

/// <summary>A webhook delivery already handled, kept so a redelivery (same <c>webhook-id</c>) is ignored.</summary>
public sealed class WebhookDelivery
{
    public string WebhookId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string? VideoId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
