using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

/// <summary>POST /videos/characters, GET /videos/characters/{id}, and characters on create (contract §4.7, the later guide).</summary>
public sealed class CharacterTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private EmulatorApi _api = null!;

    public async Task InitializeAsync() => (_server, _api) = await StartAsync();

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> CreateCharacterAsync(string name)
    {
        using var response = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm(name, SampleClips.Read("1280x720", 4)));
        return Str(await ReadOkAsync(response), "id")!;
    }

    [Fact]
    public async Task ACharacterFromAFourSecondLandscapeClipIsRetrievableById()
    {
        using var created = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", SampleClips.Read("720x1280", 4)));
        var character = await ReadOkAsync(created);

        var fetched = await ReadOkAsync(await _api.Http.GetAsync($"videos/characters/{Str(character, "id")}"));

        Assert.StartsWith("char_", Str(character, "id"), StringComparison.Ordinal);
        Assert.Equal("Mia", Str(character, "name"));
        Assert.Equal(character.GetRawText(), fetched.GetRawText());
    }

    [Fact]
    public async Task AnEightSecondClipIsRefused()
    {
        using var response = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", SampleClips.Read("1280x720", 8)));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid file 'video': a character video must be 2 to 4 seconds long, but this one is 8.0 seconds.", Str(error, "message"));
        Assert.Equal(("video", "invalid_value"), (Str(error, "param"), Str(error, "code")));
    }

    [Fact]
    public async Task AClipThatIsNeitherSixteenByNineNorNineBySixteenIsRefused()
    {
        using var response = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", SampleClips.Read("1024x1792", 4)));
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal("Invalid file 'video': a character video must be 16:9 or 9:16 at 720p to 1080p, but this one is 1024x1792.", Str(error, "message"));
    }

    [Fact]
    public async Task SomethingThatIsNoVideoIsRefused()
    {
        using var response = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", "not a movie"u8.ToArray()));

        Assert.Equal("invalid_file", Str(await ReadErrorAsync(response, 400), "code"));
    }

    [Fact]
    public async Task JsonAndMissingFieldsAreRefused()
    {
        using var json = await _api.PostJsonAsync("videos/characters", """{"name":"Mia"}""");
        using var noName = await _api.Http.PostAsync("videos/characters", new MultipartFormDataContent
        {
            { new ByteArrayContent(SampleClips.Read("1280x720", 4)), "video", "clip.mp4" },
        });
        using var longName = await _api.Http.PostAsync("videos/characters", SampleClips.CharacterForm(new string('m', 81), SampleClips.Read("1280x720", 4)));

        Assert.Equal("unsupported_content_type", Str(await ReadErrorAsync(json, 400), "code"));
        Assert.Equal("Missing required parameter: 'name'.", Str(await ReadErrorAsync(noName, 400), "message"));
        Assert.Equal("string_above_max_length", Str(await ReadErrorAsync(longName, 400), "code"));
    }

    [Fact]
    public async Task AnUnknownCharacterIs404()
    {
        using var response = await _api.Http.GetAsync("videos/characters/char_missing");

        Assert.Equal("Character with id 'char_missing' not found.", Str(await ReadErrorAsync(response, 404), "message"));
    }

    [Fact]
    public async Task ACreateCastsCharactersByJsonOrByBracketedMultipartKeys()
    {
        var mia = await CreateCharacterAsync("Mia");
        var leo = await CreateCharacterAsync("Leo");

        using var json = await _api.PostJsonAsync("videos", $$"""{"prompt":"Mia and Leo dance","characters":[{"id":"{{mia}}"},{"id":"{{leo}}"}]}""");
        using var form = await _api.PostFormAsync("videos", ("prompt", "Mia waves"), ("characters[][id]", mia));

        Assert.Equal("completed", Str(await _api.WaitAsync(Str(await ReadOkAsync(json), "id")!), "status"));
        Assert.Equal("Mia waves", Str(await ReadOkAsync(form), "prompt"));
    }

    [Fact]
    public async Task ACreateWithAnUnknownOrAThirdCharacterIsRefused()
    {
        var mia = await CreateCharacterAsync("Mia");

        using var unknown = await _api.PostJsonAsync("videos", """{"prompt":"p","characters":[{"id":"char_nobody"}]}""");
        using var three = await _api.PostJsonAsync("videos", $$"""{"prompt":"p","characters":[{"id":"{{mia}}"},{"id":"{{mia}}"},{"id":"{{mia}}"}]}""");

        Assert.Equal("Invalid 'characters': no character with id 'char_nobody' exists.", Str(await ReadErrorAsync(unknown, 400), "message"));
        Assert.Equal("Invalid 'characters': a video can include at most 2 characters, but 3 were given.", Str(await ReadErrorAsync(three, 400), "message"));
    }

    [Fact]
    public async Task CharactersSurviveARestart()
    {
        using var data = new TempFolder();
        string id;
        await using (var first = await EmulatorServer.StartAsync(o => { Fast(o); o.DataPath = data.Path; }))
        {
            using var api = new EmulatorApi(first);
            using var created = await api.Http.PostAsync("videos/characters", SampleClips.CharacterForm("Mia", SampleClips.Read("1280x720", 4)));
            id = Str(await ReadOkAsync(created), "id")!;
        }
        await using var second = await EmulatorServer.StartAsync(o => { Fast(o); o.DataPath = data.Path; });
        using var again = new EmulatorApi(second);

        Assert.Equal("Mia", Str(await ReadOkAsync(await again.Http.GetAsync($"videos/characters/{id}")), "name"));
    }
}
