using System.Net;

namespace SoraStudio.SoraApi;

/// <summary>What the generation pipeline does differs by kind, so every failure is classed.</summary>
public enum ApiErrorKind
{
    /// <summary>429 per-minute limit: wait <see cref="VideosApiException.RetryAfter"/>, then retry.</summary>
    RateLimited,
    /// <summary>429 "Too many running tasks": back-pressure, keep the job queued.</summary>
    ConcurrencyCap,
    /// <summary>429 insufficient quota: never retried.</summary>
    QuotaExceeded,
    InvalidRequest,
    Authentication,
    PermissionDenied,
    NotFound,
    Server,
    Network,
    /// <summary>A paid request (create, remix) was sent and failed in a way that does not prove nothing was created.</summary>
    OutcomeUnknown,
}

/// <summary>
/// A failed call to the Videos API, with everything the <c>{"error":{...}}</c> envelope and the response said.
/// The message never contains the API key.
/// </summary>
public sealed class VideosApiException(
    ApiErrorKind kind,
    string message,
    HttpStatusCode? statusCode = null,
    string? type = null,
    string? code = null,
    string? param = null,
    string? requestId = null,
    TimeSpan? retryAfter = null,
    Exception? innerException = null) : Exception(message, innerException)
{
    public ApiErrorKind Kind { get; } = kind;
    public HttpStatusCode? StatusCode { get; } = statusCode;
    public string? Type { get; } = type;
    public string? Code { get; } = code;
    public string? Param { get; } = param;
    public string? RequestId { get; } = requestId;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
