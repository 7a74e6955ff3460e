using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SoraStudio.SoraApi.Tests.Fakes;

/// <summary>Answers requests from a script, in order, and records what was sent.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _fallback;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count => Requests.Count;

    public FakeHttpHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public FakeHttpHandler Then(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers) =>
        Then((_, _) => Task.FromResult(Response(status, body, headers)));

    public FakeHttpHandler ThenThrow(Exception fault) => Then((_, _) => Task.FromException<HttpResponseMessage>(fault));

    /// <summary>What to answer once the script has run out.</summary>
    public FakeHttpHandler Always(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        _fallback = (_, _) => Task.FromResult(Response(status, body, headers));
        return this;
    }

    public FakeHttpHandler AlwaysThrow(Exception fault)
    {
        _fallback = (_, _) => Task.FromException<HttpResponseMessage>(fault);
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain");
        }
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    public static HttpRequestException ConnectionRefused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (api.test:443)", new SocketException((int)SocketError.ConnectionRefused));

    public static HttpRequestException ConnectionReset() =>
        new(HttpRequestError.Unknown, "An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.",
                new SocketException((int)SocketError.ConnectionReset)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentLength,
            body));
        var respond = _script.TryDequeue(out var next) ? next : _fallback
            ?? throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
        var response = await respond(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, long? ContentLength, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
