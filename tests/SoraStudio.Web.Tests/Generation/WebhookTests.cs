using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator;
using SoraStudio.SoraApi.Webhooks;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class WebhookTests
{
    private const string Secret = "whsec_c3ludGhldGljLXdlYmhvb2stc2VjcmV0";

    [Fact]
    public async Task ASignedCompletionWakesTheTakeLongBeforeItsNextPoll()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o =>
        {
            o.Settings["Studio:Webhooks:Secret"] = Secret;
            o.Settings["Studio:Generation:PollInterval"] = "00:00:30";
            o.Settings["Studio:Generation:MaxPollInterval"] = "00:00:30";
        });
        emulator.Options.Webhook.Url = studio.BaseUrl + WebhookEndpoint.Path;
        emulator.Options.Webhook.Secret = Secret;
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);

        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1, TimeSpan.FromSeconds(15)));
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.Get, take.VideoId!));
        Assert.Contains(emulator.RequestLog.WebhookAttempts, a => a.VideoId == take.VideoId && a.StatusCode == 200);
    }

    [Fact]
    public async Task AValidDeliveryMakesItsTakeDueAndARedeliveryIsAcknowledgedButIgnored()
    {
        using var folder = new TempFolder();
        await using var studio = await StartWithoutWorkerAsync(folder);
        var takeId = await InProgressTakeAsync(studio, "video_abc");
        using var http = new HttpClient { BaseAddress = new Uri(studio.BaseUrl) };
        var delivery = Delivery("wh_1", DateTimeOffset.UtcNow, "video_abc");

        var first = await http.SendAsync(delivery());
        var again = await http.SendAsync(delivery());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<Answer>())!.Duplicate);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<Answer>())!.Duplicate);
        await using var db = await studio.DbAsync();
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync());
        var take = await db.Takes.SingleAsync(t => t.Id == takeId);
        Assert.True(take.NextCheckAt <= DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-secret")]
    [InlineData("stale")]
    [InlineData("from-the-future")]
    [InlineData("unsigned")]
    [InlineData("without-v1-prefix")]
    public async Task DeliveriesThatFailVerificationAreRejectedAndChangeNothing(string flaw)
    {
        using var folder = new TempFolder();
        await using var studio = await StartWithoutWorkerAsync(folder);
        var takeId = await InProgressTakeAsync(studio, "video_abc");
        using var http = new HttpClient { BaseAddress = new Uri(studio.BaseUrl) };
        var at = flaw switch
        {
            "stale" => DateTimeOffset.UtcNow.AddMinutes(-6),
            "from-the-future" => DateTimeOffset.UtcNow.AddMinutes(6),
            _ => DateTimeOffset.UtcNow,
        };
        var request = Delivery("wh_2", at, "video_abc", flaw == "wrong-secret" ? "whsec_b3RoZXItc2VjcmV0" : Secret)();
        if (flaw == "tampered")
            request.Content = new StringContent(Body("video_other"), Encoding.UTF8, "application/json");
        if (flaw == "unsigned")
            request.Headers.Remove(WebhookVerifier.SignatureHeader);
        if (flaw == "without-v1-prefix")
        {
            // The right signature, but not as Standard Webhooks sends it ("v1,{base64}").
            var signature = request.Headers.GetValues(WebhookVerifier.SignatureHeader).Single();
            request.Headers.Remove(WebhookVerifier.SignatureHeader);
            request.Headers.Add(WebhookVerifier.SignatureHeader, signature["v1,".Length..]);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await studio.DbAsync();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
        Assert.True((await db.Takes.SingleAsync(t => t.Id == takeId)).NextCheckAt > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Theory]
    [InlineData("""{"id":5,"type":"video.completed","data":{"id":"video_abc"}}""")]
    [InlineData("""{"id":"evt_1","type":"video.completed","created_at":"yesterday","data":{"id":"video_abc"}}""")]
    [InlineData("""{"id":"evt_1","type":"video.completed","data":["video_abc"]}""")]
    [InlineData("""not json""")]
    public async Task ASignedPayloadThatIsNotAnEventIsRefusedInPlainWords(string body)
    {
        using var folder = new TempFolder();
        await using var studio = await StartWithoutWorkerAsync(folder);
        using var http = new HttpClient { BaseAddress = new Uri(studio.BaseUrl) };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookVerifier.IdHeader, "wh_odd");
        request.Headers.Add(WebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(WebhookVerifier.SignatureHeader, new WebhookVerifier(Secret).Sign("wh_odd", timestamp, body));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("not an event", detail);
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("SoraStudio.", detail);
        Assert.DoesNotContain("Path:", detail);
        await using var db = await studio.DbAsync();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
    }

    [Fact]
    public async Task WithoutASecretEveryDeliveryIsRefused()
    {
        using var folder = new TempFolder();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, "http://127.0.0.1:9/v1", o => o.Settings["Studio:Generation:Enabled"] = "false");
        using var http = new HttpClient { BaseAddress = new Uri(studio.BaseUrl) };

        var response = await http.SendAsync(Delivery("wh_3", DateTimeOffset.UtcNow, "video_abc")());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Studio:Webhooks:Secret", await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(bool Received, bool Duplicate);

    private static Task<StudioTestHost> StartWithoutWorkerAsync(TempFolder folder) =>
        StudioTestHost.StartAsync(folder.Path, "http://127.0.0.1:9/v1", o =>
        {
            o.Settings["Studio:Generation:Enabled"] = "false";
            o.Settings["Studio:Webhooks:Secret"] = Secret;
        });

    private static async Task<long> InProgressTakeAsync(StudioTestHost studio, string videoId)
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = (await studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await using var db = await studio.DbAsync();
        var take = await db.Takes.SingleAsync(t => t.Id == takeId);
        take.Status = TakeStatus.InProgress;
        take.VideoId = videoId;
        take.NextCheckAt = DateTimeOffset.UtcNow.AddHours(1);
        await db.SaveChangesAsync();
        return takeId;
    }

    private static string Body(string videoId) =>
        $$$"""{"id":"evt_1","object":"event","created_at":1758941485,"type":"video.completed","data":{"id":"{{{videoId}}}"}}""";

    private static Func<HttpRequestMessage> Delivery(string webhookId, DateTimeOffset at, string videoId, string secret = Secret) => () =>
    {
        var body = Body(videoId);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookVerifier.IdHeader, webhookId);
        request.Headers.Add(WebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(WebhookVerifier.SignatureHeader, new WebhookVerifier(secret).Sign(webhookId, timestamp, body));
        return request;
    };
}
