using System.Diagnostics;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task RateLimitFaultsAnswer429WithRetryAfter()
    {
        var (server, api) = await StartAsync(o =>
        {
            o.Faults.RateLimitRate = 1;
            o.Faults.RetryAfterSeconds = 7;
        });
        await using var _ = server;
        using var __ = api;

        using var response = await api.Http.GetAsync("videos");
        var error = await ReadErrorAsync(response, 429);

        Assert.Equal("Rate limit reached for requests", Str(error, "message"));
        Assert.Equal("requests", Str(error, "type"));
        Assert.Equal("rate_limit_exceeded", Str(error, "code"));
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ASeededRateIsReproducibleAndRoughlyTheConfiguredShare()
    {
        async Task<string> PatternAsync()
        {
            var (server, api) = await StartAsync(o =>
            {
                o.Faults.RateLimitRate = 0.3;
                o.Faults.Seed = 42;
            });
            await using var _ = server;
            using var __ = api;
            var codes = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                using var response = await api.Http.GetAsync("videos");
                codes.Add((int)response.StatusCode);
            }
            return string.Join(',', codes);
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Split(',').Count(c => c == "429"), 4, 20);
    }

    [Fact]
    public async Task TheConcurrencyCapAnswersTooManyRunningTasks()
    {
        var (server, api) = await StartAsync(o =>
        {
            o.MaxRunningJobs = 2;
            o.RenderSecondsPerVideoSecond = 1000;
        });
        await using var _ = server;
        using var __ = api;
        await api.CreateAsync();
        var second = await api.CreateAsync();

        using var third = await api.PostJsonAsync("videos", """{"prompt":"one too many"}""");
        var error = await ReadErrorAsync(third, 429);
        using var remix = await api.PostJsonAsync($"videos/{Str(second, "id")}/remix", """{"prompt":"p"}""");

        Assert.Equal("Too many running tasks", Str(error, "message"));
        Assert.Equal("video_generation_user_error", Str(error, "type"));
        Assert.Null(Str(error, "param"));
        Assert.Null(Str(error, "code"));
        Assert.False(third.Headers.Contains("Retry-After"));
        Assert.Equal(2, server.Jobs.List().Count);
        Assert.Equal(400, (int)remix.StatusCode); // the source is still running
    }

    [Fact]
    public async Task TheCapFreesUpWhenAJobFinishes()
    {
        var (server, api) = await StartAsync(o => o.MaxRunningJobs = 1);
        await using var _ = server;
        using var __ = api;

        await api.CreateCompletedAsync("first");
        var second = await api.CreateAsync("second");

        Assert.Equal("second", Str(second, "prompt"));
    }

    [Fact]
    public async Task ServerErrorFaultsAnswer500AndCreateNothing()
    {
        var (server, api) = await StartAsync(o => o.Faults.ServerErrorRate = 1);
        await using var _ = server;
        using var __ = api;

        using var response = await api.PostJsonAsync("videos", """{"prompt":"p"}""");
        var error = await ReadErrorAsync(response, 500);

        Assert.Equal("server_error", Str(error, "type"));
        Assert.Empty(server.Jobs.List());
    }

    [Fact]
    public async Task SlowResponseFaultsDelayTheAnswer()
    {
        var (server, api) = await StartAsync(o =>
        {
            o.Faults.SlowResponseRate = 1;
            o.Faults.SlowResponseDelay = TimeSpan.FromMilliseconds(600);
        });
        await using var _ = server;
        using var __ = api;
        var watch = Stopwatch.StartNew();

        using var response = await api.Http.GetAsync("videos");

        await ReadOkAsync(response);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task ADroppedDownloadBreaksTheBodyAndTheNextDownloadWorks()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");
        var whole = await api.Http.GetByteArrayAsync($"videos/{id}/content");

        server.Options.Faults.DropDownloadRate = 1;
        var dropped = await Assert.ThrowsAnyAsync<Exception>(() => api.Http.GetByteArrayAsync($"videos/{id}/content"));
        server.Options.Faults.DropDownloadRate = 0;
        var again = await api.Http.GetByteArrayAsync($"videos/{id}/content");

        Assert.True(dropped is HttpRequestException or IOException, dropped.ToString());
        Assert.Equal(whole, again);
    }
}
