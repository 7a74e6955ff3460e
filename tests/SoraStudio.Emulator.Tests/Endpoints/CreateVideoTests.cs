using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed partial class CreateVideoTests : IAsyncLifetime
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
    public async Task JsonCreateWithOnlyAPromptGetsTheDefaults()
    {
        using var response = await _api.PostJsonAsync("videos", """{"prompt":"aurora over a fjord"}""");
        var video = await ReadOkAsync(response);

        Assert.Matches(VideoId(), video.GetProperty("id").GetString());
        Assert.Equal("video", Str(video, "object"));
        Assert.Equal("sora-2", Str(video, "model"));
        Assert.Equal("4", Str(video, "seconds"));
        Assert.Equal("720x1280", Str(video, "size"));
        Assert.Equal("aurora over a fjord", Str(video, "prompt"));
        Assert.Contains(Str(video, "status"), new[] { "queued", "in_progress" });
        Assert.Equal(0, video.GetProperty("progress").GetInt32());
        Assert.Null(Str(video, "remixed_from_video_id"));
        Assert.Equal(JsonValueKind.Null, video.GetProperty("completed_at").ValueKind);
        Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - video.GetProperty("created_at").GetInt64()) < 60);
    }

    [Fact]
    public async Task EveryVideoObjectHasAll13Fields()
    {
        var video = await _api.CreateAsync();
        string[] fields = ["id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at", "prompt", "size", "seconds", "remixed_from_video_id", "error"];

        Assert.Equal(fields.Order(), video.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task MultipartCreateEchoesTheRequestedSettings()
    {
        using var response = await _api.PostFormAsync("videos", ("prompt", "a paper boat"), ("model", "sora-2-pro"), ("size", "1792x1024"), ("seconds", "8"));
        var video = await ReadOkAsync(response);

        Assert.Equal("sora-2-pro", Str(video, "model"));
        Assert.Equal("1792x1024", Str(video, "size"));
        Assert.Equal("8", Str(video, "seconds"));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp-lossy")]
    [InlineData("webp-lossless")]
    [InlineData("webp-extended")]
    public async Task AReferenceImageOfTheRequestedSizeIsAccepted(string format)
    {
        var image = format switch
        {
            "png" => TestImages.Png(1280, 720),
            "jpeg" => TestImages.Jpeg(1280, 720),
            "webp-lossy" => TestImages.SampleWebP("1280x720"),
            "webp-lossless" => TestImages.WebPLossless(1280, 720),
            _ => TestImages.WebPExtended(1280, 720),
        };
        using var response = await PostWithImageAsync(image, "image/" + format.Split('-')[0], size: "1280x720");

        Assert.Equal("1280x720", Str(await ReadOkAsync(response), "size"));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task AReferenceImageOfAnotherSizeIsRejected(string format)
    {
        var image = format switch
        {
            "png" => TestImages.Png(640, 360),
            "jpeg" => TestImages.Jpeg(720, 1280),
            _ => TestImages.WebPExtended(1281, 720),
        };
        using var response = await PostWithImageAsync(image, "image/" + format, size: "1280x720");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Inpaint image must match the requested width and height", Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
        Assert.Equal("input_reference", Str(error, "param"));
    }

    [Fact]
    public async Task TheImageBytesDecideTheFormatNotTheDeclaredContentType()
    {
        using var response = await PostWithImageAsync(TestImages.Gif(), "image/png", size: "720x1280");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid file 'input_reference': unsupported mimetype ('image/gif'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.", Str(error, "message"));
        Assert.Equal("unsupported_file_mimetype", Str(error, "code"));
    }

    [Fact]
    public async Task ATextFileAsReferenceIsAnUnsupportedMimetype()
    {
        using var response = await PostWithImageAsync("just text"u8.ToArray(), "text/plain", size: "720x1280");
        var error = await ReadErrorAsync(response, 400);

        Assert.Contains("unsupported mimetype ('text/plain')", Str(error, "message"));
    }

    [Fact]
    public async Task ATruncatedImageHeaderCannotBeDecoded()
    {
        var truncated = TestImages.Png(720, 1280)[..12];
        using var response = await PostWithImageAsync(truncated, "image/png", size: "720x1280");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("invalid_image", Str(error, "code"));
        Assert.Equal("input_reference", Str(error, "param"));
    }

    [Fact]
    public async Task AStringWhereTheReferenceFileIsExpectedIsAnInvalidType()
    {
        using var response = await _api.PostFormAsync("videos", ("prompt", "p"), ("input_reference", "https://example.com/a.png"));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid type for 'input_reference': expected a file, but got a string instead.", Str(error, "message"));
        Assert.Equal("invalid_request_error", Str(error, "type"));
        Assert.Equal("input_reference", Str(error, "param"));
        Assert.Equal("invalid_type", Str(error, "code"));
    }

    [Fact]
    public async Task BracketedNestedMultipartKeysAreAccepted()
    {
        using var response = await _api.PostFormAsync("videos", ("prompt", "p"), ("input_reference[image_url]", "https://example.com/first-frame.png"));

        Assert.Equal("p", Str(await ReadOkAsync(response), "prompt"));
    }

    [Fact]
    public async Task AnUnknownBracketedKeyIsAnUnknownParameter()
    {
        using var response = await _api.PostFormAsync("videos", ("prompt", "p"), ("input_reference[url]", "x"));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Unknown parameter: 'input_reference[url]'", Str(error, "message"));
    }

    [Fact]
    public async Task AJsonReferenceWithADataUrlIsCheckedForSize()
    {
        var ok = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(720, 1280));
        var wrong = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(1280, 720));

        using var accepted = await _api.PostJsonAsync("videos", $$$"""{"prompt":"p","input_reference":{"image_url":"{{{ok}}}"}}""");
        using var rejected = await _api.PostJsonAsync("videos", $$$"""{"prompt":"p","input_reference":{"image_url":"{{{wrong}}}"}}""");

        await ReadOkAsync(accepted);
        Assert.Equal("Inpaint image must match the requested width and height", Str(await ReadErrorAsync(rejected, 400), "message"));
    }

    [Fact]
    public async Task AJsonReferenceNeedsExactlyOneOfImageUrlAndFileId()
    {
        using var both = await _api.PostJsonAsync("videos", """{"prompt":"p","input_reference":{"image_url":"https://x.test/a.png","file_id":"file-1"}}""");
        using var fileOnly = await _api.PostJsonAsync("videos", """{"prompt":"p","input_reference":{"file_id":"file-123"}}""");

        Assert.Equal("input_reference", Str(await ReadErrorAsync(both, 400), "param"));
        await ReadOkAsync(fileOnly);
    }

    [Fact]
    public async Task AJsonStringAsReferenceIsAnInvalidType()
    {
        using var response = await _api.PostJsonAsync("videos", """{"prompt":"p","input_reference":"https://x.test/a.png"}""");
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid type for 'input_reference': expected an object, but got a string instead.", Str(error, "message"));
        Assert.Equal("invalid_type", Str(error, "code"));
    }

    [Fact]
    public async Task SdkHeadersAndExtraAcceptValuesAreIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = new StringContent("""{"prompt":"p"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Stainless-Lang", "python");
        request.Headers.Add("x-stainless-retry-count", "0");
        request.Headers.Add("OpenAI-Organization", "org-123");
        request.Headers.Accept.ParseAdd("application/binary");
        using var response = await _api.Http.SendAsync(request);

        await ReadOkAsync(response);
    }

    private Task<HttpResponseMessage> PostWithImageAsync(byte[] image, string contentType, string size)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("a lighthouse"), "prompt" },
            { new StringContent(size), "size" },
        };
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "input_reference", "reference.bin");
        return _api.Http.PostAsync("videos", form);
    }

    [GeneratedRegex("^video_[0-9a-f]{48}$")]
    private static partial Regex VideoId();
}
