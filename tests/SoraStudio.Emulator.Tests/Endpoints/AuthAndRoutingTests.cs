using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed class AuthAndRoutingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task ARequestWithoutABearerGets401(string? authorization)
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server, apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "videos");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await api.Http.SendAsync(request);
        var error = await ReadErrorAsync(response, 401);

        Assert.StartsWith("You didn't provide an API key.", Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
    }

    [Fact]
    public async Task WithoutAConfiguredKeyAnyBearerIsAccepted()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server, apiKey: "sk-anything-at-all");
        using var response = await api.Http.GetAsync("videos");

        await ReadOkAsync(response);
    }

    [Fact]
    public async Task WithAConfiguredKeyOnlyThatKeyIsAccepted()
    {
        await using var server = await EmulatorServer.StartAsync(o => o.ApiKey = "sk-right-key-1234");
        using var right = new EmulatorApi(server, apiKey: "sk-right-key-1234");
        using var wrong = new EmulatorApi(server, apiKey: "sk-wrong-key-9876");

        using var ok = await right.Http.GetAsync("videos");
        using var rejected = await wrong.Http.GetAsync("videos");
        await ReadOkAsync(ok);
        var error = await ReadErrorAsync(rejected, 401);

        Assert.Equal("invalid_api_key", Str(error, "code"));
        Assert.Contains("Incorrect API key provided: sk-****9876.", Str(error, "message"));
        Assert.DoesNotContain("sk-wrong-key-9876", Str(error, "message"));
    }

    [Fact]
    public async Task UnknownVideoIdsGet404OnEveryVideoRoute()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server);
        const string id = "video_000000000000000000000000000000000000000000000000";

        using var get = await api.Http.GetAsync($"videos/{id}");
        using var delete = await api.Http.DeleteAsync($"videos/{id}");
        using var content = await api.Http.GetAsync($"videos/{id}/content");
        using var remix = await api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"p"}""");

        foreach (var response in new[] { get, delete, content, remix })
        {
            var error = await ReadErrorAsync(response, 404);
            Assert.Equal($"Video with id '{id}' not found.", Str(error, "message"));
            Assert.Equal("invalid_request_error", Str(error, "type"));
        }
    }

    [Fact]
    public async Task AnUnknownRouteUnderThePrefixGetsTheErrorEnvelope()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server);
        using var response = await api.Http.PostAsync("videos/characters/char_1/nothing", null);

        Assert.Equal("Invalid URL (POST /v1/videos/characters/char_1/nothing)", Str(await ReadErrorAsync(response, 404), "message"));
    }

    [Fact]
    public async Task EveryResponseCarriesAFreshRequestId()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server);
        var video = await api.CreateAsync();

        using var list = await api.Http.GetAsync("videos");
        using var get = await api.Http.GetAsync($"videos/{Str(video, "id")}");
        using var error = await api.Http.GetAsync("videos/video_missing");
        using var anonymous = new HttpClient();
        using var unauthorized = await anonymous.GetAsync(server.BaseUrl + "/videos");

        var ids = new[] { list, get, error, unauthorized }.Select(r => Assert.Single(r.Headers.GetValues("x-request-id"))).ToList();
        Assert.All(ids, id => Assert.Matches("^req_[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetSendsThePollHint()
    {
        await using var server = await EmulatorServer.StartAsync(o =>
        {
            EmulatorApi.Fast(o);
            o.PollAfterMs = 1500;
        });
        using var api = new EmulatorApi(server);
        var video = await api.CreateAsync();
        using var response = await api.Http.GetAsync($"videos/{Str(video, "id")}");

        Assert.Equal("1500", Assert.Single(response.Headers.GetValues("openai-poll-after-ms")));
    }

    [Fact]
    public async Task TheEmulatorMountsUnderACustomPrefix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        using var data = new TempFolder();
        builder.Services.AddVideosEmulator(configure: o => o.DataPath = data.Path);
        await using var app = builder.Build();
        app.MapVideosEmulator("/emulator/v1");
        await app.StartAsync();
        var address = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(address + "/emulator/v1/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using var response = await http.GetAsync("videos");

        Assert.Equal("list", Str(await ReadOkAsync(response), "object"));
        await app.StopAsync();
    }
}
