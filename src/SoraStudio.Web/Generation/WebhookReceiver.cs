using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.SoraApi.Webhooks;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// <c>POST /webhooks/openai</c>: verifies the Standard Webhooks signature over the raw body, ignores a delivery
/// already handled (same <c>webhook-id</c>), and makes the take of the video due now, waking the worker, which
/// then reads the video's state itself. The event is a hint; the worker's poll is the truth.
/// </summary>
internal sealed class WebhookReceiver(
    IDbContextFactory<StudioDbContext> contexts,
    GenerationSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Secret))
            return Results.Problem("Webhooks are not configured: set Studio:Webhooks:Secret (or OPENAI_WEBHOOK_SECRET).", statusCode: StatusCodes.Status404NotFound);

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
            return Results.Problem("The webhook body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        WebhookEvent webhookEvent;
        try
        {
            var verifier = new WebhookVerifier(settings.Secret, time, settings.Tolerance);
            var id = request.Headers[WebhookVerifier.IdHeader].ToString();
            verifier.Verify(body, id, request.Headers[WebhookVerifier.TimestampHeader], request.Headers[WebhookVerifier.SignatureHeader]);
            webhookEvent = WebhookEvent.Parse(Encoding.UTF8.GetString(body));
        }
        catch (WebhookVerificationException e)
        {
            logger.LogWarning("Rejected a webhook delivery ({Failure}): {Message}", e.Failure, e.Message);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (JsonException)
        {
            // Signed, so the sender is the provider; its payload is simply not an event this endpoint reads.
            return Results.Problem("The webhook payload is not an event: a JSON object with id, type and data.id, each a string.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var webhookId = request.Headers[WebhookVerifier.IdHeader].ToString();
        var woke = await RecordAsync(webhookId, webhookEvent, settings.DedupeWindow, cancellationToken);
        if (woke is null)
            return Results.Ok(new { received = true, duplicate = true });
        if (woke > 0)
            signal.Wake();
        return Results.Ok(new { received = true, duplicate = false });
    }

    /// <summary>Records the delivery and makes its take due, in one transaction; null when it was seen before.</summary>
    private async Task<int?> RecordAsync(string webhookId, WebhookEvent webhookEvent, TimeSpan dedupeWindow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cutoff = now - dedupeWindow;
        await db.WebhookDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (await db.WebhookDeliveries.AnyAsync(d => d.WebhookId == webhookId, cancellationToken))
        {
            logger.LogInformation("Ignored webhook delivery {WebhookId}: already handled.", webhookId);
            return null;
        }
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            WebhookId = webhookId,
            EventType = webhookEvent.Type,
            VideoId = webhookEvent.IsVideoEvent ? webhookEvent.VideoId : null,
            ReceivedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // BEGIN IMMEDIATE already serialises deliveries across processes; the key is the last line of defence.
            return null;
        }
        var woke = 0;
        if (webhookEvent.IsVideoEvent)
        {
            TakeStatus[] atProvider = [.. TakeStateMachine.AtProvider];
            woke = await db.Takes.Where(t => t.VideoId == webhookEvent.VideoId && atProvider.Contains(t.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextCheckAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Webhook {Type} for {VideoId}: {Count} take(s) due now.", webhookEvent.Type, webhookEvent.VideoId, woke);
        return woke;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
