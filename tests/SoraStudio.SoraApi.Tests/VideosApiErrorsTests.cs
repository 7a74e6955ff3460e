using System.Net;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

/// <summary>How failed responses become <see cref="VideosApiException"/>s (retries off, to see one response at a time).</summary>
public sealed class VideosApiErrorsTests
{
    private static Task<VideosApiException> GetFails(FakeHttpHandler handler) =>
        Assert.ThrowsAsync<VideosApiException>(
            () => TestClient.Create(handler, configure: o => o.MaxRetries = 0).GetVideoAsync("video_1"));

    [Fact]
    public async Task TheErrorEnvelopeAndHeadersAreAllCarried()
    {
        var handler = new FakeHttpHandler().Then(
            HttpStatusCode.BadRequest,
            ApiJson.Error("Invalid value: '10'. Supported values are: '4', '8', and '12'.", "invalid_request_error", "invalid_value", "seconds"),
            ("x-request-id", "req_abc"), ("Retry-After", "5"));

        var e = await GetFails(handler);

        Assert.Equal(ApiErrorKind.InvalidRequest, e.Kind);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("invalid_request_error", e.Type);
        Assert.Equal("invalid_value", e.Code);
        Assert.Equal("seconds", e.Param);
        Assert.Equal("req_abc", e.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(5), e.RetryAfter);
        Assert.Contains("Invalid value: '10'", e.Message);
        Assert.Contains("GetVideo", e.Message);
    }

    [Theory]
    [InlineData(400, ApiErrorKind.InvalidRequest)]
    [InlineData(409, ApiErrorKind.InvalidRequest)]
    [InlineData(422, ApiErrorKind.InvalidRequest)]
    [InlineData(401, ApiErrorKind.Authentication)]
    [InlineData(403, ApiErrorKind.PermissionDenied)]
    [InlineData(404, ApiErrorKind.NotFound)]
    [InlineData(410, ApiErrorKind.NotFound)]
    [InlineData(408, ApiErrorKind.Server)]
    [InlineData(500, ApiErrorKind.Server)]
    [InlineData(503, ApiErrorKind.Server)]
    [InlineData(429, ApiErrorKind.RateLimited)]
    public async Task EachStatusMapsToItsKind(int status, ApiErrorKind kind)
    {
        var e = await GetFails(new FakeHttpHandler().Then((HttpStatusCode)status, ApiJson.Error("nope", "some_error")));

        Assert.Equal(kind, e.Kind);
    }

    [Theory]
    [InlineData("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota", ApiErrorKind.QuotaExceeded)]
    [InlineData("You exceeded your current quota, please check your plan and billing details.", "requests", null, ApiErrorKind.QuotaExceeded)]
    [InlineData("quota gone", "billing", "insufficient_quota", ApiErrorKind.QuotaExceeded)]
    [InlineData("Too many running tasks", "video_generation_user_error", null, ApiErrorKind.ConcurrencyCap)]
    [InlineData("Too many running tasks", "requests", null, ApiErrorKind.ConcurrencyCap)]
    [InlineData("slow down", "video_generation_user_error", null, ApiErrorKind.ConcurrencyCap)]
    [InlineData("Rate limit reached for requests", "requests", "rate_limit_exceeded", ApiErrorKind.RateLimited)]
    public async Task The429sAreToldApart(string message, string type, string? code, ApiErrorKind kind)
    {
        var e = await GetFails(new FakeHttpHandler().Then(HttpStatusCode.TooManyRequests, ApiJson.Error(message, type, code)));

        Assert.Equal(kind, e.Kind);
        Assert.Equal(type, e.Type);
    }

    [Fact]
    public async Task AnHtmlErrorPageIsQuotedInTheMessage()
    {
        var e = await GetFails(new FakeHttpHandler().Then(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>"));

        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Null(e.Type);
        Assert.Contains("502 Bad Gateway", e.Message);
    }

    [Fact]
    public async Task AnEmptyOrMalformedErrorBodyStillGivesTheStatus()
    {
        var empty = await GetFails(new FakeHttpHandler().Then(HttpStatusCode.NotFound));
        Assert.Equal(ApiErrorKind.NotFound, empty.Kind);
        Assert.Contains("404", empty.Message);

        var broken = await GetFails(new FakeHttpHandler().Then(HttpStatusCode.Unauthorized, """{"error": {"message": 42"""));
        Assert.Equal(ApiErrorKind.Authentication, broken.Kind);
        Assert.Null(broken.Code);
    }

    [Fact]
    public async Task AnEnvelopeWithNullsAndExtraFieldsIsRead()
    {
        var e = await GetFails(new FakeHttpHandler().Then(
            HttpStatusCode.TooManyRequests,
            """{"error":{"message":"Too many running tasks","type":"video_generation_user_error","param":null,"code":null,"extra":{"a":1}},"more":true}"""));

        Assert.Equal(ApiErrorKind.ConcurrencyCap, e.Kind);
        Assert.Null(e.Param);
        Assert.Null(e.Code);
    }

    [Fact]
    public async Task TheApiKeyIsRedactedEvenWhenTheServerEchoesIt()
    {
        var e = await GetFails(new FakeHttpHandler().Then(
            HttpStatusCode.Unauthorized, ApiJson.Error($"Incorrect API key provided: {TestClient.ApiKey}.", "invalid_request_error", "invalid_api_key")));

        Assert.Equal(ApiErrorKind.Authentication, e.Kind);
        Assert.DoesNotContain(TestClient.ApiKey, e.Message);
        Assert.DoesNotContain(TestClient.ApiKey, e.ToString());
        Assert.Contains("[redacted]", e.Message);
    }

    [Fact]
    public async Task AMalformed200ToAReadIsAServerError()
    {
        var e = await GetFails(new FakeHttpHandler().Then(HttpStatusCode.OK, "not json"));

        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
    }
}
