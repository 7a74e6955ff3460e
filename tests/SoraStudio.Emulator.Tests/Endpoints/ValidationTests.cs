using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

/// <summary>Each validation error carries the real API's message, type, param and code (contract §6, §12).</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private static readonly string LongPrompt = new('x', 32001);
    private EmulatorServer _server = null!;
    private EmulatorApi _api = null!;

    // The launch-era messages: the later guide's 16/20 s and 1080p are tested in LaterGuideLimitsTests.
    public async Task InitializeAsync() => (_server, _api) = await StartAsync(o => o.LaterGuideLimits = false);

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string, string?, string?> CreateErrors() => new()
    {
        { """{"prompt":"p","seconds":"10"}""", "Invalid value: '10'. Supported values are: '4', '8', and '12'.", "seconds", "invalid_value" },
        { """{"prompt":"p","size":"1920x1080"}""", "Invalid value: '1920x1080'. Supported values are: '720x1280', '1280x720', '1024x1792', and '1792x1024'.", "size", "invalid_value" },
        { """{"prompt":"p","size":"1792x1024"}""", "Invalid value: '1792x1024'. Supported values for model 'sora-2' are: '720x1280' and '1280x720'.", "size", "invalid_value" },
        { """{"prompt":"p","model":"sora-2-2025-12-08","size":"1024x1792"}""", "Invalid value: '1024x1792'. Supported values for model 'sora-2-2025-12-08' are: '720x1280' and '1280x720'.", "size", "invalid_value" },
        { """{"prompt":"p","model":"sora-3"}""", "Invalid value: 'sora-3'. Supported values are: 'sora-2' and 'sora-2-pro'.", "model", "invalid_value" },
        { """{"prompt":"p","width":1280}""", "Unknown parameter: 'width'", "width", "unknown_parameter" },
        { """{"model":"sora-2"}""", "Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter" },
        { """{"prompt":""}""", "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got a string with length 0 instead.", "prompt", "string_below_min_length" },
        { $$"""{"prompt":"{{LongPrompt}}"}""", "Invalid 'prompt': string too long. Expected a string with maximum length 32000, but got a string with length 32001 instead.", "prompt", "string_above_max_length" },
        { """{"prompt":"p","seconds":8}""", "Invalid type for 'seconds': expected a string, but got an integer instead.", "seconds", "invalid_type" },
        { """{"prompt":null}""", "Invalid type for 'prompt': expected a string, but got null instead.", "prompt", "invalid_type" },
        { """{"prompt":"p","input_reference":{"url":"x"}}""", "Unknown parameter: 'input_reference.url'", "input_reference.url", "unknown_parameter" },
    };

    [Theory]
    [MemberData(nameof(CreateErrors))]
    public async Task JsonCreateIsValidatedWithTheRealMessages(string body, string message, string? param, string? code)
    {
        using var response = await _api.PostJsonAsync("videos", body);
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal(message, Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
        Assert.Equal(param, Str(error, "param"));
        Assert.Equal(code, Str(error, "code"));
    }

    [Theory]
    [InlineData("seconds", "10", "Invalid value: '10'. Supported values are: '4', '8', and '12'.")]
    [InlineData("width", "1280", "Unknown parameter: 'width'")]
    [InlineData("size", "640x480", "Invalid value: '640x480'. Supported values are: '720x1280', '1280x720', '1024x1792', and '1792x1024'.")]
    public async Task MultipartCreateIsValidatedLikeJson(string field, string value, string message)
    {
        using var response = await _api.PostFormAsync("videos", ("prompt", "p"), (field, value));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal(message, Str(error, "message"));
        Assert.Equal(field, Str(error, "param"));
    }

    [Fact]
    public async Task MultipartWithoutAPromptIsMissingTheRequiredParameter()
    {
        using var response = await _api.PostFormAsync("videos", ("seconds", "4"));

        Assert.Equal("Missing required parameter: 'prompt'.", Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task AnEmptyBodyIsMissingThePrompt()
    {
        using var response = await _api.Http.PostAsync("videos", null);

        Assert.Equal("prompt", Str(await ReadErrorAsync(response, 400), "param"));
    }

    [Fact]
    public async Task APromptOfExactly32000CharactersIsAccepted()
    {
        var video = await _api.CreateAsync(new string('y', 32000));

        Assert.Equal(32000, Str(video, "prompt")!.Length);
    }

    [Theory]
    [InlineData("sora-2-pro", "1024x1792")]
    [InlineData("sora-2-pro-2025-10-06", "1792x1024")]
    [InlineData("sora-2-2025-10-06", "1280x720")]
    public async Task ProModelsAndSnapshotsAreAcceptedWithTheirSizes(string model, string size)
    {
        var video = await _api.CreateAsync(model: model, size: size);

        Assert.Equal(model, Str(video, "model"));
    }

    [Fact]
    public async Task AnUnsupportedContentTypeIsRejected()
    {
        using var response = await _api.Http.PostAsync("videos", new StringContent("prompt=p", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal("unsupported_content_type", Str(await ReadErrorAsync(response, 400), "code"));
    }
}
