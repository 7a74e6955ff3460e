using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Webhooks;

public sealed class WebhookTests
{
    private const string Secret = "whsec_c3ludGhldGljLXdlYmhvb2stc2VjcmV0"; // "synthetic-webhook-secret", as in contract §7

    [Fact]
    public async Task ACompletedJobPostsASignedVideoCompletedEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (server, api) = await StartAsync(o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
        });
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");

        var delivery = Assert.Single(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        using var body = JsonDocument.Parse(delivery.Body);

        Assert.True(VerifySignature(Secret, delivery), "signature verifies with an independent HMAC");
        Assert.Matches("^wh_[0-9a-f]{32}$", delivery.Id);
        Assert.InRange(long.Parse(delivery.Timestamp!, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.Equal("OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)", delivery.UserAgent);
        Assert.Equal("application/json", delivery.ContentType);
        Assert.Equal("video.completed", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("event", body.RootElement.GetProperty("object").GetString());
        Assert.Matches("^evt_[0-9a-f]{32}$", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("created_at").ValueKind);
        Assert.Equal(id, body.RootElement.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AFailedJobPostsVideoFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (server, api) = await StartAsync(o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
        });
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateAsync("x [moderation-block]"), "id")!;
        await api.WaitAsync(id);

        var delivery = Assert.Single(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        using var body = JsonDocument.Parse(delivery.Body);

        Assert.Equal("video.failed", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(id, body.RootElement.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedWithTheSameIdAndAFreshSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var (server, api) = await StartAsync(o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
            o.Webhook.InitialRetryDelay = TimeSpan.FromMilliseconds(100);
            o.Webhook.MaxAttempts = 5;
        });
        await using var _ = server;
        using var __ = api;
        await api.CreateCompletedAsync();

        var deliveries = await receiver.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await Task.Delay(500); // no fourth attempt after the success

        Assert.Equal([500, 500, 200], receiver.Received.Select(d => d.AnsweredWith));
        Assert.Single(deliveries.Select(d => d.Id).Distinct());
        Assert.All(deliveries, d => Assert.True(VerifySignature(Secret, d)));
        Assert.Equal([1, 2, 3], server.RequestLog.WebhookAttempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task DeliveryStopsAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100);
        var (server, api) = await StartAsync(o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
            o.Webhook.InitialRetryDelay = TimeSpan.FromMilliseconds(50);
            o.Webhook.MaxAttempts = 3;
        });
        await using var _ = server;
        using var __ = api;
        await api.CreateCompletedAsync();

        await receiver.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await Task.Delay(600);

        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task AnUnreachableReceiverDoesNotDisturbTheApi()
    {
        var (server, api) = await StartAsync(o =>
        {
            o.Webhook.Url = "http://127.0.0.1:9/unreachable";
            o.Webhook.InitialRetryDelay = TimeSpan.FromMilliseconds(50);
            o.Webhook.MaxAttempts = 2;
        });
        await using var _ = server;
        using var __ = api;

        await api.CreateCompletedAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.RequestLog.WebhookAttempts.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.All(server.RequestLog.WebhookAttempts, a => Assert.Null(a.StatusCode));
        Assert.Equal(2, server.RequestLog.WebhookAttempts.Count);
    }

    [Fact]
    public void TheContractTestVectorSignsAsDocumented()
    {
        var body = """{"id":"evt_abc123","object":"event","created_at":1758941485,"type":"video.completed","data":{"id":"video_abc123"}}"""u8.ToArray();

        var signature = SoraStudio.Emulator.Webhooks.WebhookSigner.Sign(Secret, "wh_test", "1758941490", body);

        Assert.Equal("v1,i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=", signature);
    }

    /// <summary>Standard Webhooks verification written independently of the emulator's signer.</summary>
    private static bool VerifySignature(string secret, ReceivedWebhook delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.").Concat(delivery.Body).ToArray();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return delivery.Signature!.Split(' ').Any(entry => entry.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}
