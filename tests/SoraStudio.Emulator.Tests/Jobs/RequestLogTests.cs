using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Jobs;

public sealed class RequestLogTests
{
    [Fact]
    public async Task TheLogCountsRequestsPerOperationAndPerVideo()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateAsync(), "id")!;
        var other = Str(await api.CreateCompletedAsync(), "id")!;
        await api.WaitAsync(id);
        var polls = server.RequestLog.Count(EmulatorOperation.Get, id);
        foreach (var variant in new[] { "video", "thumbnail", "spritesheet" })
        {
            (await api.Http.GetAsync($"videos/{id}/content?variant={variant}")).Dispose();
        }
        (await api.PostJsonAsync($"videos/{id}/remix", """{"prompt":"again"}""")).Dispose();
        (await api.Http.GetAsync("videos")).Dispose();
        (await api.Http.DeleteAsync($"videos/{other}")).Dispose();

        var log = server.RequestLog;
        Assert.Equal(2, log.Count(EmulatorOperation.Create));
        Assert.True(polls >= 1);
        Assert.Equal(3, log.Count(EmulatorOperation.Content, id));
        Assert.Equal(1, log.Count(EmulatorOperation.Remix, id));
        Assert.Equal(1, log.Count(EmulatorOperation.List));
        Assert.Equal(1, log.Count(EmulatorOperation.Delete, other));
        Assert.Equal(new Dictionary<EmulatorOperation, int> { [EmulatorOperation.Get] = polls, [EmulatorOperation.Content] = 3, [EmulatorOperation.Remix] = 1 },
            log.CountsFor(id));
        Assert.All(log.Requests.Where(r => r.Operation == EmulatorOperation.Content), r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task FailedRequestsAreLoggedWithTheirStatus()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;

        (await api.PostJsonAsync("videos", """{"prompt":"p","seconds":"5"}""")).Dispose();

        var request = Assert.Single(server.RequestLog.Requests);
        Assert.Equal(EmulatorOperation.Create, request.Operation);
        Assert.Equal(400, request.StatusCode);
        Assert.Null(request.VideoId);
    }

    [Fact]
    public async Task JobsCanBeListedAndTheEmulatorReset()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync("listed"), "id")!;

        var job = Assert.Single(server.Jobs.List());
        Assert.Equal(id, job.Id);
        Assert.Equal("completed", job.Status);
        Assert.Equal("listed", job.Prompt);
        Assert.True(File.Exists(job.VideoFile));

        server.Jobs.Reset();

        Assert.Empty(server.Jobs.List());
        Assert.Empty(server.RequestLog.Requests);
        Assert.Equal(404, (int)(await api.Http.GetAsync($"videos/{id}")).StatusCode);
        Assert.False(File.Exists(job.VideoFile));
    }
}
