using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SoraStudio.Emulator.Tests.Support;

/// <summary>A thin raw-HTTP client for the emulator: tests see exactly what goes over the wire.</summary>
internal sealed class EmulatorApi : IDisposable
{
    public EmulatorApi(EmulatorServer server, string? apiKey = "sk-test")
    {
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public EmulatorServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Fast settings for tests: no queue delay, no simulated render time, and the bundled sample clips instead of
    /// ffmpeg (the media tests turn ffmpeg back on), so dozens of completed jobs cost next to no CPU.
    /// </summary>
    public static void Fast(EmulatorOptions options)
    {
        options.QueueDelayMs = 0;
        options.RenderSecondsPerVideoSecond = 0;
        options.MaxRunningJobs = 20;
        options.Media.UseFfmpeg = false;
    }

    public static async Task<(EmulatorServer Server, EmulatorApi Api)> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var server = await EmulatorServer.StartAsync(options =>
        {
            Fast(options);
            configure?.Invoke(options);
        });
        return (server, new EmulatorApi(server));
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return Http.PostAsync(path, form);
    }

    public async Task<JsonElement> CreateAsync(string prompt = "A red kite over green hills", string? size = null, string? seconds = null, string? model = null)
    {
        var body = new Dictionary<string, string> { ["prompt"] = prompt };
        if (size is not null) body["size"] = size;
        if (seconds is not null) body["seconds"] = seconds;
        if (model is not null) body["model"] = model;
        using var response = await PostJsonAsync("videos", JsonSerializer.Serialize(body));
        return await ReadOkAsync(response);
    }

    public async Task<JsonElement> GetAsync(string id)
    {
        using var response = await Http.GetAsync($"videos/{id}");
        return await ReadOkAsync(response);
    }

    /// <summary>Polls until the video is completed or failed.</summary>
    public async Task<JsonElement> WaitAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var video = await GetAsync(id);
            var status = video.GetProperty("status").GetString();
            if (status is "completed" or "failed")
            {
                return video;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Video {id} still {status} after the timeout.");
            }
            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> CreateCompletedAsync(
        string prompt = "A red kite over green hills", string? size = null, string? seconds = null, string? model = null)
    {
        var created = await CreateAsync(prompt, size, seconds, model);
        var done = await WaitAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return done;
    }

    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the error envelope and returns its "error" object.</summary>
    public static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.Contains("x-request-id"), "error responses carry x-request-id");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").Clone();
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        Assert.True(error.TryGetProperty("param", out _), "error.param is always present");
        Assert.True(error.TryGetProperty("code", out _), "error.code is always present");
        return error;
    }

    public static string? Str(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    public void Dispose() => Http.Dispose();
}
