namespace SoraStudio.SoraApi.Webhooks;

public enum WebhookFailure
{
    MissingHeader,
    InvalidTimestamp,
    TimestampTooOld,
    TimestampTooNew,
    NoMatchingSignature,
}

/// <summary>A webhook request that must be rejected (answer 400, do not act on it).</summary>
public sealed class WebhookVerificationException(WebhookFailure failure, string message) : Exception(message)
{
    public WebhookFailure Failure { get; } = failure;
}
