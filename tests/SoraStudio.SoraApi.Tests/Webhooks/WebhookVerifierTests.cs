using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SoraStudio.SoraApi.Tests.Fakes;
using SoraStudio.SoraApi.Webhooks;

namespace SoraStudio.SoraApi.Tests.Webhooks;

/// <summary>The test vectors of videos-api-contract.md §7 and the SDKs' edge cases.</summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_c3ludGhldGljLXdlYmhvb2stc2VjcmV0";
    private const string PlainSecret = "synthetic-webhook-secret";

    private const string SyntheticId = "evt_synthetic";
    private const long SyntheticTimestamp = 1750000000;
    private const string SyntheticBody = """{"synthetic": "café"}""";
    private const string SyntheticSignature = "v1,qzuLCtHIXTcfJr8yxIcKC07cOqyNSgdmZRut6AFa+RA=";

    private const string VideoId = "wh_test";
    private const long VideoTimestamp = 1758941490;
    private const string VideoBody = """{"id":"evt_abc123","object":"event","created_at":1758941485,"type":"video.completed","data":{"id":"video_abc123"}}""";
    private const string VideoSignature = "v1,i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=";

    private static WebhookVerifier At(long unixSeconds, string secret = Secret) =>
        new(secret, new InstantTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    private static HeaderDictionary Headers(string id, long timestamp, string signature) => new()
    {
        ["Webhook-Id"] = id,
        ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        ["WEBHOOK-SIGNATURE"] = signature,
    };

    [Theory]
    [InlineData(Secret)]
    [InlineData(PlainSecret)]
    public void TheSyntheticVectorVerifiesWithEitherFormOfTheSecret(string secret)
    {
        At(SyntheticTimestamp, secret).Verify(SyntheticBody, Headers(SyntheticId, SyntheticTimestamp, SyntheticSignature));
    }

    [Fact]
    public void TheVideoVectorVerifiesAndUnwrapsToACompletedEvent()
    {
        var e = At(VideoTimestamp).Unwrap(VideoBody, Headers(VideoId, VideoTimestamp, VideoSignature));

        Assert.Equal("evt_abc123", e.Id);
        Assert.Equal(WebhookEventTypes.VideoCompleted, e.Type);
        Assert.Equal(1758941485, e.CreatedAt);
        Assert.Equal("video_abc123", e.VideoId);
        Assert.True(e.IsVideoEvent);
    }

    [Fact]
    public void SignReproducesBothVectors()
    {
        Assert.Equal(SyntheticSignature, At(0).Sign(SyntheticId, SyntheticTimestamp.ToString(CultureInfo.InvariantCulture), SyntheticBody));
        Assert.Equal(VideoSignature, At(0).Sign(VideoId, VideoTimestamp.ToString(CultureInfo.InvariantCulture), VideoBody));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void TimestampsWithin300SecondsPass(int offset)
    {
        At(VideoTimestamp + offset).Verify(VideoBody, Headers(VideoId, VideoTimestamp, VideoSignature));
    }

    [Theory]
    [InlineData(301, WebhookFailure.TimestampTooOld, "Webhook timestamp is too old.")]
    [InlineData(-301, WebhookFailure.TimestampTooNew, "Webhook timestamp is too new.")]
    public void TimestampsOutside300SecondsFail(int clockOffset, WebhookFailure failure, string message)
    {
        var e = Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp + clockOffset).Verify(VideoBody, Headers(VideoId, VideoTimestamp, VideoSignature)));

        Assert.Equal(failure, e.Failure);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("""{"id":"evt_abc123","object":"event","created_at":1758941485,"type":"video.failed","data":{"id":"video_abc123"}}""")]
    [InlineData("""{"id":"evt_abc123", "object":"event","created_at":1758941485,"type":"video.completed","data":{"id":"video_abc123"}}""")]
    [InlineData("")]
    public void ATamperedBodyFails(string body)
    {
        var e = Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp).Verify(body, Headers(VideoId, VideoTimestamp, VideoSignature)));

        Assert.Equal(WebhookFailure.NoMatchingSignature, e.Failure);
        Assert.Equal("The given webhook signature does not match the expected signature.", e.Message);
    }

    [Fact]
    public void AnotherIdOrSecretFails()
    {
        Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp).Verify(VideoBody, Headers("wh_other", VideoTimestamp, VideoSignature)));
        Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp, "whsec_" + Convert.ToBase64String("another-secret"u8.ToArray())).Verify(VideoBody, Headers(VideoId, VideoTimestamp, VideoSignature)));
    }

    [Theory]
    [InlineData("v1,bm90LWl0 " + VideoSignature)]
    [InlineData(VideoSignature + " v1,bm90LWl0")]
    [InlineData("v1a,abc  v1,bm90LWl0\t" + VideoSignature)]
    public void AnyOfSeveralSignaturesMayMatch(string signature)
    {
        At(VideoTimestamp).Verify(VideoBody, Headers(VideoId, VideoTimestamp, signature));
    }

    [Theory]
    [InlineData("i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=")]
    [InlineData("v1,bm90LWl0 i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=")]
    [InlineData("v2,i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=")]
    [InlineData(",i9qYoXcNhy7Rv6ZllbqiiyHrR2yUQe3QDXj6SqYKGE8=")]
    public void ARightSignatureWithoutItsV1PrefixDoesNotCount(string signature)
    {
        var failure = Assert.Throws<WebhookVerificationException>(() => At(VideoTimestamp).Verify(VideoBody, Headers(VideoId, VideoTimestamp, signature)));

        Assert.Equal(WebhookFailure.NoMatchingSignature, failure.Failure);
    }

    [Fact]
    public void SeveralSignaturesOfWhichNoneMatchFail()
    {
        Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp).Verify(VideoBody, Headers(VideoId, VideoTimestamp, "v1,bm90LWl0 v1,YWxzby1ub3Q= v2," + VideoSignature[3..])));
    }

    [Fact]
    public void HeadersNeedNotComeFromAspNetCore()
    {
        var headers = new Dictionary<string, StringValues>
        {
            ["WEBHOOK-ID"] = VideoId,
            ["Webhook-Timestamp"] = VideoTimestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = VideoSignature,
        };

        Assert.Equal("video_abc123", At(VideoTimestamp).Unwrap(VideoBody, headers).VideoId);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void AMissingHeaderIsNamed(string header)
    {
        var headers = Headers(VideoId, VideoTimestamp, VideoSignature);
        headers.Remove(header);

        var e = Assert.Throws<WebhookVerificationException>(() => At(VideoTimestamp).Verify(VideoBody, headers));

        Assert.Equal(WebhookFailure.MissingHeader, e.Failure);
        Assert.Equal($"Missing required header: {header}.", e.Message);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("17589414900000000000000")]
    public void ABadTimestampIsAFormatError(string timestamp)
    {
        var e = Assert.Throws<WebhookVerificationException>(
            () => At(VideoTimestamp).Verify(VideoBody, VideoId, timestamp, VideoSignature));

        Assert.Equal(WebhookFailure.InvalidTimestamp, e.Failure);
        Assert.Equal("Invalid webhook timestamp format.", e.Message);
    }

    [Fact]
    public void TheTimestampTextAsSentIsWhatWasSigned()
    {
        var verifier = At(VideoTimestamp);
        const string padded = "01758941490";
        var signature = verifier.Sign(VideoId, padded, VideoBody);

        verifier.Verify(VideoBody, VideoId, padded, signature);
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(VideoBody, VideoId, padded, VideoSignature));
    }

    [Fact]
    public void TheRawBytesOverloadAgreesWithTheStringOne()
    {
        At(SyntheticTimestamp).Verify(Encoding.UTF8.GetBytes(SyntheticBody), SyntheticId, SyntheticTimestamp.ToString(CultureInfo.InvariantCulture), SyntheticSignature);
    }

    [Fact]
    public void ASecretWithTheWhsecPrefixMustBeBase64()
    {
        Assert.Throws<ArgumentException>(() => new WebhookVerifier("whsec_not*base64"));
    }

    [Theory]
    [InlineData("""{"id":"evt_1","type":"video.failed"}""")]
    [InlineData("""{"type":"video.failed","data":{"id":"video_1"}}""")]
    public void APayloadThatIsNotAnEventIsRejected(string payload)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => WebhookEvent.Parse(payload));
    }

    [Fact]
    public void AFailedEventParses()
    {
        var e = WebhookEvent.Parse("""{"id":"evt_2","object":"event","created_at":5,"type":"video.failed","data":{"id":"video_9"},"extra":1}""");

        Assert.Equal(WebhookEventTypes.VideoFailed, e.Type);
        Assert.Equal("video_9", e.VideoId);
    }
}
