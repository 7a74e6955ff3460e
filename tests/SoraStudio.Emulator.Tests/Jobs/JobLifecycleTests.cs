using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Jobs;

public sealed class JobLifecycleTests
{
    [Fact]
    public async Task AJobGoesQueuedThenInProgressWithRisingProgressThenCompleted()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await EmulatorServer.StartAsync(
            o =>
            {
                o.QueueDelayMs = 1000;
                o.RenderSecondsPerVideoSecond = 10; // 4 s clip → 40 s of clock time
            },
            services => services.AddSingleton<TimeProvider>(clock));
        using var api = new EmulatorApi(server);
        var created = await api.CreateAsync();
        var id = Str(created, "id")!;
        Assert.Equal("queued", Str(created, "status"));

        clock.Advance(TimeSpan.FromSeconds(1));
        var started = await WaitForAsync(api, id, v => Str(v, "status") == "in_progress");
        var progress = new List<int> { started.GetProperty("progress").GetInt32() };
        foreach (var step in new[] { 10, 10, 10 })
        {
            clock.Advance(TimeSpan.FromSeconds(step));
            progress.Add((await api.GetAsync(id)).GetProperty("progress").GetInt32());
        }
        clock.Advance(TimeSpan.FromSeconds(10));
        var completed = await WaitForAsync(api, id, v => Str(v, "status") == "completed");

        Assert.Equal(progress.Order(), progress);
        Assert.True(progress[^1] > progress[0], $"progress rose: {string.Join(", ", progress)}");
        Assert.All(progress, p => Assert.InRange(p, 1, 99));
        Assert.Equal(100, completed.GetProperty("progress").GetInt32());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), completed.GetProperty("completed_at").GetInt64());
        Assert.Equal(completed.GetProperty("completed_at").GetInt64() + 3600, completed.GetProperty("expires_at").GetInt64());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task TheDefaultSettingsComplete4SecondsWithin10SecondsShowingProgress()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var api = new EmulatorApi(server);
        var started = DateTime.UtcNow;
        var id = Str(await api.CreateAsync(), "id")!;
        var seen = new HashSet<int>();
        JsonElement video;
        do
        {
            await Task.Delay(250);
            video = await api.GetAsync(id);
            if (Str(video, "status") == "in_progress")
            {
                seen.Add(video.GetProperty("progress").GetInt32());
            }
        }
        while (Str(video, "status") is "queued" or "in_progress" && DateTime.UtcNow - started < TimeSpan.FromSeconds(20));

        Assert.Equal("completed", Str(video, "status"));
        var nominal = TimeSpan.FromSeconds(4 * server.Options.RenderSecondsPerVideoSecond) + TimeSpan.FromMilliseconds(server.Options.QueueDelayMs);
        Assert.True(nominal <= TimeSpan.FromSeconds(10), $"defaults simulate {nominal} for a 4 s clip");
        // Generous bound: the machine may be busy, but the clip must not take much longer than simulated.
        Assert.True(DateTime.UtcNow - started < nominal + TimeSpan.FromSeconds(5), $"took {DateTime.UtcNow - started}");
        Assert.True(seen.Count >= 5, $"progress values seen: {string.Join(", ", seen.Order())}");
    }

    [Fact]
    public async Task TheModerationMarkerFailsTheJobAsynchronously()
    {
        var (server, api) = await StartAsync(o => o.ModerationMarker = "[blocked]");
        await using var _ = server;
        using var __ = api;
        var created = await api.CreateAsync("a scene with a [BLOCKED] word");
        Assert.Equal(JsonValueKind.Null, created.GetProperty("error").ValueKind);

        var failed = await api.WaitAsync(Str(created, "id")!);
        var error = failed.GetProperty("error");

        Assert.Equal("failed", Str(failed, "status"));
        Assert.Equal("moderation_blocked", Str(error, "code"));
        Assert.Equal("Your request was blocked by our moderation system.", Str(error, "message"));
        Assert.Equal(JsonValueKind.Number, failed.GetProperty("completed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task JobsAndFilesSurviveARestartAndAnInterruptedJobCompletes()
    {
        using var data = new TempFolder();
        string doneId, runningId;
        byte[] clip;
        await using (var first = await EmulatorServer.StartAsync(o =>
        {
            EmulatorApi.Fast(o);
            o.DataPath = data.Path;
        }))
        {
            using var api = new EmulatorApi(first);
            doneId = Str(await api.CreateCompletedAsync("kept across restarts"), "id")!;
            clip = await api.Http.GetByteArrayAsync($"videos/{doneId}/content");
            first.Options.RenderSecondsPerVideoSecond = 1000; // the next job is still rendering when the server stops
            runningId = Str(await api.CreateAsync("interrupted"), "id")!;
            await WaitForAsync(api, runningId, v => Str(v, "status") == "in_progress");
        }
        Assert.True(Directory.Exists(data.Path), "a caller-chosen DataPath is kept on dispose");

        await using var second = await EmulatorServer.StartAsync(o =>
        {
            EmulatorApi.Fast(o);
            o.DataPath = data.Path;
        });
        using var again = new EmulatorApi(second);
        var done = await again.GetAsync(doneId);
        var resumed = await again.WaitAsync(runningId);

        Assert.Equal("completed", Str(done, "status"));
        Assert.Equal("kept across restarts", Str(done, "prompt"));
        Assert.Equal(clip, await again.Http.GetByteArrayAsync($"videos/{doneId}/content"));
        Assert.Equal("completed", Str(resumed, "status"));
        Assert.Equal(200, (int)(await again.Http.GetAsync($"videos/{runningId}/content")).StatusCode);
        Assert.Equal(2, (await ReadOkAsync(await again.Http.GetAsync("videos"))).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task EachJobIsOneJsonFileWrittenAtomically()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        var id = Str(await api.CreateCompletedAsync(), "id");

        var jobs = Path.Combine(server.Options.DataPath, "jobs");

        Assert.Equal([$"{id}.json"], Directory.GetFiles(jobs).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(jobs, $"{id}.json")));
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ATemporaryDataPathIsRemovedOnDispose()
    {
        var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        var path = server.Options.DataPath;
        Assert.True(Directory.Exists(path));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(path));
    }

    internal static async Task<JsonElement> WaitForAsync(EmulatorApi api, string id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var video = await api.GetAsync(id);
            if (condition(video))
            {
                return video;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Video {id} never reached the expected state: {video}");
            await Task.Delay(50);
        }
    }
}
