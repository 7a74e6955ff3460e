using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

/// <summary>POST /videos/edits and /videos/extensions (contract §4.7), in the shapes the official SDKs send.</summary>
public sealed class EditAndExtendTests : IAsyncLifetime
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
    public async Task AnEditByIdIsANewVideoOfTheSourcesModelSizeAndLength()
    {
        var source = await _api.CreateCompletedAsync(size: "1280x720", seconds: "8");

        using var response = await _api.PostJsonAsync("videos/edits", $$"""{"video":{"id":"{{Str(source, "id")}}"},"prompt":"Make it rain"}""");
        var edit = await ReadOkAsync(response);

        Assert.NotEqual(Str(source, "id"), Str(edit, "id"));
        Assert.Equal(("sora-2", "1280x720", "8", "Make it rain"), (Str(edit, "model"), Str(edit, "size"), Str(edit, "seconds"), Str(edit, "prompt")));
        Assert.Equal("completed", Str(await _api.WaitAsync(Str(edit, "id")!), "status"));
    }

    [Fact]
    public async Task AnEditAcceptsTheBracketedMultipartKeyTheSdksWrite()
    {
        var source = await _api.CreateCompletedAsync();

        using var response = await _api.PostFormAsync("videos/edits", ("video[id]", Str(source, "id")!), ("prompt", "Night instead of day"));

        Assert.Equal("Night instead of day", Str(await ReadOkAsync(response), "prompt"));
    }

    [Fact]
    public async Task AnExtensionReportsTheStitchedTotal()
    {
        var source = await _api.CreateCompletedAsync(seconds: "4");

        using var json = await _api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{Str(source, "id")}}"},"prompt":"She turns","seconds":"8"}""");
        var extended = await ReadOkAsync(json);
        await _api.WaitAsync(Str(extended, "id")!);
        using var form = await _api.PostFormAsync("videos/extensions", ("video[id]", Str(extended, "id")!), ("prompt", "and leaves"), ("seconds", "4"));
        var twice = await ReadOkAsync(form);

        Assert.Equal("12", Str(extended, "seconds"));
        Assert.Equal("16", Str(twice, "seconds"));
        Assert.Equal("completed", Str(await _api.WaitAsync(Str(twice, "id")!), "status"));
    }

    [Fact]
    public async Task ASeventhExtensionIsRefused()
    {
        var id = Str(await _api.CreateCompletedAsync(seconds: "4"), "id")!;
        for (var i = 0; i < 6; i++)
        {
            using var ok = await _api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{id}}"},"prompt":"more","seconds":"4"}""");
            id = Str(await _api.WaitAsync(Str(await ReadOkAsync(ok), "id")!), "id")!;
        }

        using var response = await _api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{id}}"},"prompt":"more","seconds":"4"}""");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal($"Video '{id}' cannot be extended: a video can be extended at most 6 times.", Str(error, "message"));
        Assert.Equal(("video", "invalid_value"), (Str(error, "param"), Str(error, "code")));
    }

    [Fact]
    public async Task AnExtensionPastOneHundredTwentySecondsIsRefused()
    {
        var id = Str(await _api.CreateCompletedAsync(seconds: "20", model: "sora-2"), "id")!;
        for (var i = 0; i < 5; i++)
        {
            using var ok = await _api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{id}}"},"prompt":"more","seconds":"20"}""");
            id = Str(await _api.WaitAsync(Str(await ReadOkAsync(ok), "id")!), "id")!;
        }

        using var response = await _api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{id}}"},"prompt":"more","seconds":"20"}""");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("120", Str(await _api.GetAsync(id), "seconds"));
        Assert.Contains("the result would be 140 seconds", Str(error, "message"), StringComparison.Ordinal);
        Assert.Equal("seconds", Str(error, "param"));
    }

    public static TheoryData<string, string, string, string?> BadBodies() => new()
    {
        { "videos/extensions", """{"video":{"id":"VIDEO"},"prompt":"p","seconds":"6"}""", "Invalid value: '6'. Supported values are: '4', '8', '12', '16', and '20'.", "seconds" },
        { "videos/extensions", """{"video":{"id":"VIDEO"},"prompt":"p"}""", "Missing required parameter: 'seconds'.", "seconds" },
        { "videos/edits", """{"prompt":"p"}""", "Missing required parameter: 'video'.", "video" },
        { "videos/edits", """{"video":"VIDEO","prompt":"p"}""", "Invalid type for 'video': expected an object, but got a string instead.", "video" },
        { "videos/edits", """{"video":{"id":"VIDEO"},"prompt":"p","seconds":"4"}""", "Unknown parameter: 'seconds'", "seconds" },
        { "videos/edits", """{"video":{"id":"video_missing"},"prompt":"p"}""", "Invalid 'video': no video with id 'video_missing' exists.", "video" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBodiesGetTheContractsErrors(string path, string body, string message, string? param)
    {
        var source = await _api.CreateCompletedAsync();

        using var response = await _api.PostJsonAsync(path, body.Replace("VIDEO", Str(source, "id"), StringComparison.Ordinal));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal(message, Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
        Assert.Equal(param, Str(error, "param"));
    }

    [Fact]
    public async Task ARunningSourceCannotBeEditedOrExtended()
    {
        var (server, api) = await StartAsync(o => o.QueueDelayMs = 60_000);
        await using var _ = server;
        using var __ = api;
        var queued = Str(await api.CreateAsync(), "id");

        using var edit = await api.PostJsonAsync("videos/edits", $$"""{"video":{"id":"{{queued}}"},"prompt":"p"}""");
        using var extend = await api.PostJsonAsync("videos/extensions", $$"""{"video":{"id":"{{queued}}"},"prompt":"p","seconds":"4"}""");

        Assert.Contains("only completed videos can be edited", Str(await ReadErrorAsync(edit, 400), "message"), StringComparison.Ordinal);
        Assert.Contains("only completed videos can be extended", Str(await ReadErrorAsync(extend, 400), "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadedSourceIsRefusedByName()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(SampleClips.Read("1280x720", 4)), "video", "source.mp4" },
            { new StringContent("p"), "prompt" },
        };

        using var response = await _api.Http.PostAsync("videos/edits", form);

        Assert.Equal("video", Str(await ReadErrorAsync(response, 400), "param"));
    }
}
