using System.Collections.Concurrent;

namespace SoraStudio.Emulator;

/// <summary>The Videos API operations the emulator serves.</summary>
public enum EmulatorOperation
{
    Create,
    Remix,
    Get,
    List,
    Delete,
    Content,
    Edit,
    Extend,
    CreateCharacter,
    GetCharacter,
}

/// <summary>One request the emulator answered.</summary>
public sealed record EmulatorRequest(EmulatorOperation Operation, string? VideoId, int StatusCode, string RequestId, DateTimeOffset At);

/// <summary>One webhook delivery attempt.</summary>
public sealed record EmulatorWebhookAttempt(string WebhookId, string EventType, string VideoId, int Attempt, int? StatusCode, string? Error, DateTimeOffset At);

/// <summary>
/// Every request the emulator answered (faults and errors included), so tests can assert
/// "exactly one create per take, N polls, three downloads". For remix the video id is the source video.
/// </summary>
public sealed class EmulatorRequestLog
{
    private readonly ConcurrentQueue<EmulatorRequest> _requests = new();
    private readonly ConcurrentQueue<EmulatorWebhookAttempt> _webhooks = new();

    public IReadOnlyList<EmulatorRequest> Requests => [.. _requests];

    public IReadOnlyList<EmulatorWebhookAttempt> WebhookAttempts => [.. _webhooks];

    public int Count(EmulatorOperation operation) => _requests.Count(r => r.Operation == operation);

    public int Count(EmulatorOperation operation, string videoId) =>
        _requests.Count(r => r.Operation == operation && r.VideoId == videoId);

    /// <summary>Requests per operation, e.g. { Create: 1, Get: 7, Content: 3 }.</summary>
    public IReadOnlyDictionary<EmulatorOperation, int> Counts() =>
        _requests.GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Requests per operation for one video.</summary>
    public IReadOnlyDictionary<EmulatorOperation, int> CountsFor(string videoId) =>
        _requests.Where(r => r.VideoId == videoId).GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Forgets every recorded request and webhook attempt (jobs stay in <see cref="EmulatorJobs"/>).</summary>
    public void Reset()
    {
        _requests.Clear();
        _webhooks.Clear();
    }

    internal void Record(EmulatorRequest request) => _requests.Enqueue(request);

    internal void Record(EmulatorWebhookAttempt attempt) => _webhooks.Enqueue(attempt);
}
