using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SoraStudio.Emulator.Tests.Webhooks;

internal sealed record ReceivedWebhook(string? Id, string? Timestamp, string? Signature, string? UserAgent, string? ContentType, byte[] Body, int AnsweredWith);

/// <summary>A tiny Kestrel endpoint that records deliveries and fails the first few on purpose.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failures)
    {
        _app = app;
        _failuresLeft = failures;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url => _app.Urls.First() + "/hooks/sora";

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hooks/sora", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var status = Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 500 : 200;
            receiver.Received.Enqueue(new ReceivedWebhook(
                request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"],
                request.Headers.UserAgent, request.ContentType, buffer.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task<List<ReceivedWebhook>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
