using System.Net.Http.Headers;
using System.Text;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

/// <summary>Hostile or broken bodies get the error envelope, and the emulator keeps serving afterwards.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const long SmallCap = 64 * 1024;
    private EmulatorServer _server = null!;
    private EmulatorApi _api = null!;

    public async Task InitializeAsync() => (_server, _api) = await StartAsync(o => o.MaxRequestBodyBytes = SmallCap);

    public async Task DisposeAsync()
    {
        // Whatever a test sent, the emulator still answers a normal request.
        var video = await _api.CreateAsync("still alive");
        Assert.Equal("still alive", Str(video, "prompt"));
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"prompt": "unterminated""")]
    [InlineData("""{prompt: 'single quotes'}""")]
    [InlineData("not json at all")]
    [InlineData("""{"prompt":"p"} trailing""")]
    public async Task MalformedJsonGetsTheParseError(string body)
    {
        using var response = await _api.PostJsonAsync("videos", body);
        var error = await ReadErrorAsync(response, 400);

        Assert.StartsWith("We could not parse the JSON body of your request.", Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
    }

    [Fact]
    public async Task AnOversizedJsonBodyGets413()
    {
        var prompt = new string('a', (int)SmallCap);
        using var response = await _api.PostJsonAsync("videos", $$"""{"prompt":"{{prompt}}"}""");
        var error = await ReadErrorAsync(response, 413);

        Assert.Equal($"Request body too large. The maximum allowed size is {SmallCap} bytes.", Str(error, "message"));
    }

    [Fact]
    public async Task AnOversizedChunkedBodyGets413()
    {
        var content = new StreamContent(new MemoryStream(new byte[SmallCap * 3]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _api.Http.SendAsync(request);

        await ReadErrorAsync(response, 413);
        // The rest of the body is never read, so the connection ends with this answer, and the answer says so.
        Assert.True(response.Headers.ConnectionClose, "a 413 before the end of the body carries Connection: close");
    }

    [Theory]
    [InlineData("""{"prompt":"a lone \ud800 surrogate"}""", "prompt")]
    [InlineData("""{"prompt":"a trailing low \udc00"}""", "prompt")]
    [InlineData("""{"prompt":"p","size":"\ud83d"}""", "size")]
    [InlineData("""{"prompt":"p","input_reference":{"image_url":"\udfff"}}""", "input_reference.image_url")]
    public async Task AnUnpairedSurrogateIsRefusedInTheErrorEnvelope(string body, string param)
    {
        using var response = await _api.PostJsonAsync("videos", body);
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal(param, Str(error, "param"));
        Assert.Contains("not valid Unicode", Str(error, "message"));
    }

    [Fact]
    public async Task AnUnpairedSurrogateInARemixPromptIsRefusedToo()
    {
        using var response = await _api.PostJsonAsync("videos/video_0000/remix", """{"prompt":"\ud800"}""");

        Assert.Equal("prompt", Str(await ReadErrorAsync(response, 400), "param"));
    }

    [Fact]
    public async Task AHugeMultipartPartGets413()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("p"), "prompt" },
            { new ByteArrayContent(new byte[SmallCap * 2]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "input_reference", "huge.png" },
        };
        using var response = await _api.Http.PostAsync("videos", form);

        await ReadErrorAsync(response, 413);
    }

    [Fact]
    public async Task ATruncatedMultipartBodyGets400()
    {
        const string boundary = "----truncated";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na prompt whose part never ends";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        using var response = await _api.Http.PostAsync("videos", content);

        Assert.Equal("invalid_multipart", Str(await ReadErrorAsync(response, 400), "code"));
    }

    [Fact]
    public async Task AMultipartBodyWithoutABoundaryGets400()
    {
        var content = new ByteArrayContent("prompt=p"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        using var response = await _api.Http.PostAsync("videos", content);

        Assert.Equal("invalid_multipart", Str(await ReadErrorAsync(response, 400), "code"));
    }

    [Fact]
    public async Task AFileWhereAStringIsExpectedIsAnInvalidType()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent("text"u8.ToArray()), "prompt", "prompt.txt" } };
        using var response = await _api.Http.PostAsync("videos", form);

        Assert.Equal("Invalid type for 'prompt': expected a string, but got a file instead.", Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task AnUnknownFilePartIsAnUnknownParameter()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("p"), "prompt" },
            { new ByteArrayContent(TestImages.Png(720, 1280)), "image", "a.png" },
        };
        using var response = await _api.Http.PostAsync("videos", form);

        Assert.Equal("Unknown parameter: 'image'", Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task TheDefaultCapIs25MegabytesAndBiggerBodiesGet413()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server);
        Assert.Equal(25L * 1024 * 1024, server.Options.MaxRequestBodyBytes);
        var content = new ByteArrayContent(new byte[26 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await api.Http.PostAsync("videos", content);

        await ReadErrorAsync(response, 413);
        await api.CreateAsync("fine afterwards");
    }
}
