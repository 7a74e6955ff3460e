using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;
using SoraStudio.Emulator.Jobs;

namespace SoraStudio.Emulator.Webhooks;

/// <summary>
/// POSTs video.completed / video.failed events to the configured URL, signed per Standard Webhooks, retrying
/// with exponential backoff on any non-2xx answer (redirects are not followed) or network error.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly IOptions<EmulatorOptions> _options;
    private readonly TimeProvider _time;
    private readonly EmulatorRequestLog _log;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();

    public WebhookDispatcher(IOptions<EmulatorOptions> options, TimeProvider time, EmulatorRequestLog log, ILogger<WebhookDispatcher> logger)
    {
        _options = options;
        _time = time;
        _log = log;
        _logger = logger;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)");
    }

    public void Enqueue(VideoJob job)
    {
        var settings = _options.Value.Webhook;
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            return;
        }
        var type = job.Status == VideoStatus.Completed ? "video.completed" : "video.failed";
        var payload = new WebhookEvent("evt_" + Ids.Hex(32), "event", _time.GetUtcNow().ToUnixTimeSeconds(), type, new WebhookEventData(job.Id));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, EmulatorJson.Api.WebhookEvent);
        var delivery = DeliverAsync(settings, "wh_" + Ids.Hex(32), type, job.Id, body);
        _deliveries.TryAdd(delivery, 0);
        delivery.ContinueWith(t => _deliveries.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAsync(EmulatorWebhookOptions settings, string webhookId, string type, string videoId, byte[] body)
    {
        var delay = settings.InitialRetryDelay;
        for (var attempt = 1; attempt <= Math.Max(1, settings.MaxAttempts); attempt++)
        {
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(delay, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay *= 2;
            }
            var (status, error) = await SendAsync(settings, webhookId, body);
            _log.Record(new EmulatorWebhookAttempt(webhookId, type, videoId, attempt, status, error, _time.GetUtcNow()));
            if (status is >= 200 and < 300 || _stopping.IsCancellationRequested)
            {
                return;
            }
            _logger.LogInformation("Webhook {WebhookId} attempt {Attempt} failed: {Status} {Error}", webhookId, attempt, status, error);
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(EmulatorWebhookOptions settings, string webhookId, byte[] body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp);
        if (!string.IsNullOrEmpty(settings.Secret))
        {
            request.Headers.Add("webhook-signature", WebhookSigner.Sign(settings.Secret, webhookId, timestamp, body));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return (null, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_deliveries.Keys);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _http.Dispose();
        _stopping.Dispose();
    }
}
