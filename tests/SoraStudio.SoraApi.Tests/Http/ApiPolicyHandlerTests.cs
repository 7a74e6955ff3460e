using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;
using SoraStudio.SoraApi.Http;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests.Http;

/// <summary>The policy handler serves any Refit interface: it knows a call by its <see cref="ApiCallAttribute"/>, not by the Videos API's routes.</summary>
public sealed class ApiPolicyHandlerTests
{
    private static readonly Uri BaseUri = new("https://queue.test/v1/");

    [Fact]
    public async Task ACallIsTreatedAsItsApiCallAttributeSays()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.OK, ApiJson.Video());
        var queue = RestService.ForGenerated<IQueueApi>(Client(handler), VideosApiRefitSettings.Create(new VideosApiOptions { ApiKey = "fal-key" }));

        var e = await Assert.ThrowsAsync<VideosApiException>(() => queue.SubmitAsync(CancellationToken.None));
        var status = await queue.StatusAsync(CancellationToken.None);

        Assert.Equal(ApiErrorKind.OutcomeUnknown, e.Kind);
        Assert.StartsWith("SubmitJob failed: HTTP 503", e.Message);
        Assert.Equal("video_1", status.Id);
        Assert.Equal(["POST", "GET", "GET"], handler.Requests.Select(r => r.Method.Method));
        Assert.All(handler.Requests, r => Assert.Equal("Key fal-key", r.Headers["Authorization"]));
    }

    [Theory]
    [InlineData("POST", 1, ApiErrorKind.OutcomeUnknown)]
    [InlineData("GET", 3, ApiErrorKind.Server)]
    public async Task ARequestNoMethodDeclaresIsPaidUnlessItIsARead(string method, int attempts, ApiErrorKind kind)
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.BadGateway);

        var e = await Assert.ThrowsAsync<VideosApiException>(
            () => Client(handler).SendAsync(new HttpRequestMessage(new HttpMethod(method), "jobs")));

        Assert.Equal(kind, e.Kind);
        Assert.Equal(attempts, handler.Count);
    }

    private static HttpClient Client(FakeHttpHandler network)
    {
        var policy = new ApiPolicy
        {
            BaseUri = BaseUri,
            Credentials = [new("Authorization", "Key fal-key")],
            Secret = "fal-key",
            Timeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryAfter = TimeSpan.FromSeconds(1),
        };
        var handler = new ApiPolicyHandler(policy, new InstantTimeProvider(), NullLogger<ApiPolicyHandler>.Instance) { InnerHandler = network };
        return new HttpClient(handler) { BaseAddress = BaseUri };
    }
}

/// <summary>A queue protocol of another provider, as a later provider would add it.</summary>
internal interface IQueueApi
{
    [Post("/queue/jobs")]
    [ApiCall("SubmitJob", Paid = true)]
    Task<VideoJob> SubmitAsync(CancellationToken cancellationToken);

    [Get("/queue/jobs/1/status")]
    [ApiCall("JobStatus")]
    Task<VideoJob> StatusAsync(CancellationToken cancellationToken);
}
