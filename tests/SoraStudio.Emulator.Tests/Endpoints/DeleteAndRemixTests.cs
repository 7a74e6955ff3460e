using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed class DeleteAndRemixTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private EmulatorApi _api = null!;

    public async Task InitializeAsync() => (_server, _api) = await StartAsync();

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DeleteReturnsTheDeletedObjectAndTheVideoIsGoneAfterwards()
    {
        var id = Str(await _api.CreateCompletedAsync(), "id");

        using var deleted = await _api.Http.DeleteAsync($"videos/{id}");
        var body = await ReadOkAsync(deleted);
        using var get = await _api.Http.GetAsync($"videos/{id}");
        using var again = await _api.Http.DeleteAsync($"videos/{id}");
        using var list = await _api.Http.GetAsync("videos");

        Assert.Equal(id, Str(body, "id"));
        Assert.Equal("video.deleted", Str(body, "object"));
        Assert.True(body.GetProperty("deleted").GetBoolean());
        Assert.Equal(404, (int)get.StatusCode);
        Assert.Equal(404, (int)again.StatusCode);
        Assert.DoesNotContain(id, (await ReadOkAsync(list)).GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.False(Directory.Exists(Path.Combine(_server.Options.DataPath, "media", id!)));
    }

    [Fact]
    public async Task AFailedVideoCanBeDeleted()
    {
        var id = Str(await _api.CreateAsync("x [moderation-block]"), "id")!;
        await _api.WaitAsync(id);

        using var response = await _api.Http.DeleteAsync($"videos/{id}");

        Assert.True((await ReadOkAsync(response)).GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task ARunningVideoCannotBeDeleted()
    {
        await using var server = await EmulatorServer.StartAsync(o => o.RenderSecondsPerVideoSecond = 1000);
        using var api = new EmulatorApi(server);
        var id = Str(await api.CreateAsync(), "id");

        using var response = await api.Http.DeleteAsync($"videos/{id}");
        var error = await ReadErrorAsync(response, 400);

        Assert.Contains("only completed or failed videos can be deleted", Str(error, "message"));
        Assert.Equal("video_id", Str(error, "param"));
    }

    [Fact]
    public async Task RemixInheritsModelSizeAndSecondsAndPointsAtTheSource()
    {
        using var created = await _api.PostJsonAsync("videos", """{"prompt":"a fox","model":"sora-2-pro","size":"1024x1792","seconds":"8"}""");
        var source = Str(await ReadOkAsync(created), "id")!;
        await _api.WaitAsync(source);

        using var response = await _api.PostJsonAsync($"videos/{source}/remix", """{"prompt":"the same fox, in snow"}""");
        var remix = await ReadOkAsync(response);

        Assert.NotEqual(source, Str(remix, "id"));
        Assert.Equal(source, Str(remix, "remixed_from_video_id"));
        Assert.Equal("sora-2-pro", Str(remix, "model"));
        Assert.Equal("1024x1792", Str(remix, "size"));
        Assert.Equal("8", Str(remix, "seconds"));
        Assert.Equal("the same fox, in snow", Str(remix, "prompt"));
        Assert.Equal("completed", Str(await _api.WaitAsync(Str(remix, "id")!), "status"));
    }

    [Fact]
    public async Task RemixAcceptsMultipart()
    {
        var source = Str(await _api.CreateCompletedAsync(), "id");

        using var response = await _api.PostFormAsync($"videos/{source}/remix", ("prompt", "now at night"));

        Assert.Equal(source, Str(await ReadOkAsync(response), "remixed_from_video_id"));
    }

    [Theory]
    [InlineData("""{"prompt":"p","seconds":"8"}""", "Unknown parameter: 'seconds'")]
    [InlineData("""{}""", "Missing required parameter: 'prompt'.")]
    [InlineData("""{"prompt":""}""", "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got a string with length 0 instead.")]
    public async Task RemixTakesOnlyAPrompt(string body, string message)
    {
        var source = Str(await _api.CreateCompletedAsync(), "id");

        using var response = await _api.PostJsonAsync($"videos/{source}/remix", body);

        Assert.Equal(message, Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task RemixOfAnUnfinishedVideoIsRefused()
    {
        await using var server = await EmulatorServer.StartAsync(o => o.RenderSecondsPerVideoSecond = 1000);
        using var api = new EmulatorApi(server);
        var id = Str(await api.CreateAsync(), "id");

        using var response = await api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"p"}""");

        Assert.Contains("only completed videos can be remixed", Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task RemixOfAFailedVideoIsRefused()
    {
        var id = Str(await _api.CreateAsync("[moderation-block] scene"), "id")!;
        await _api.WaitAsync(id);

        using var response = await _api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"p"}""");

        Assert.Contains("(status: failed)", Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task RemixOfADeletedVideoIsNotFound()
    {
        var id = Str(await _api.CreateCompletedAsync(), "id");
        (await _api.Http.DeleteAsync($"videos/{id}")).Dispose();

        using var response = await _api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"p"}""");

        await ReadErrorAsync(response, 404);
    }

    [Fact]
    public async Task RemixOfAnExpiredVideoIsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await EmulatorServer.StartAsync(
            o =>
            {
                EmulatorApi.Fast(o);
                o.ExpirySeconds = 10;
            },
            services => services.AddSingleton<TimeProvider>(clock));
        using var api = new EmulatorApi(server);
        var id = Str(await api.CreateCompletedAsync(), "id");
        clock.Advance(TimeSpan.FromSeconds(11));

        using var response = await api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"p"}""");

        Assert.Equal("video_expired", Str(await ReadErrorAsync(response, 400), "code"));
    }

    [Fact]
    public async Task AJsonArrayBodyIsAnInvalidType()
    {
        var source = Str(await _api.CreateCompletedAsync(), "id");

        using var response = await _api.PostJsonAsync($"videos/{source}/remix", """["prompt"]""");

        Assert.Equal(JsonValueKind.String, (await ReadErrorAsync(response, 400)).GetProperty("message").ValueKind);
    }
}
