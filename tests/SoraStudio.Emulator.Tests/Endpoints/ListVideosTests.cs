using System.Text.Json;
using SoraStudio.Emulator.Tests.Support;
using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

public sealed class ListVideosTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private EmulatorApi _api = null!;
    private readonly List<string> _created = [];

    public async Task InitializeAsync()
    {
        // A long render keeps the jobs cheap (no ffmpeg) while the list is exercised.
        (_server, _api) = await StartAsync(o => o.RenderSecondsPerVideoSecond = 1000);
        for (var i = 0; i < 5; i++)
        {
            _created.Add(Str(await _api.CreateAsync($"clip {i}"), "id")!);
        }
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ListReturnsTheEnvelopeNewestFirstByDefault()
    {
        var list = await ListAsync("videos");

        Assert.Equal("list", Str(list, "object"));
        Assert.Equal(Enumerable.Reverse(_created), Ids(list));
        Assert.Equal(_created[^1], Str(list, "first_id"));
        Assert.Equal(_created[0], Str(list, "last_id"));
        Assert.False(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task OrderAscReturnsOldestFirst()
    {
        Assert.Equal(_created, Ids(await ListAsync("videos?order=asc")));
    }

    [Fact]
    public async Task PagesFollowTheAfterCursorUntilHasMoreIsFalse()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await ListAsync("videos?limit=2" + (after is null ? "" : $"&after={after}"));
            pages++;
            seen.AddRange(Ids(page));
            if (!page.GetProperty("has_more").GetBoolean())
            {
                break;
            }
            after = Str(page, "last_id");
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(_created), seen);
    }

    [Fact]
    public async Task LimitZeroReturnsNoItemsButSaysThereAreMore()
    {
        var list = await ListAsync("videos?limit=0");

        Assert.Empty(Ids(list));
        Assert.Equal(JsonValueKind.Null, list.GetProperty("first_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, list.GetProperty("last_id").ValueKind);
        Assert.True(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task ACursorOnADeletedVideoStillPages()
    {
        // Delete needs a finished video: use a separate fast server.
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        using var api = new EmulatorApi(server);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Str(await api.CreateCompletedAsync($"c{i}"), "id")!);
        }
        (await api.Http.DeleteAsync($"videos/{ids[1]}")).Dispose();

        using var response = await api.Http.GetAsync($"videos?order=asc&after={ids[1]}");
        var page = await ReadOkAsync(response);

        Assert.Equal([ids[2]], Ids(page));
    }

    [Theory]
    [InlineData("limit=101", "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.", "limit", "integer_above_max_value")]
    [InlineData("limit=-1", "Invalid 'limit': integer below minimum value. Expected a value >= 0, but got -1 instead.", "limit", "integer_below_min_value")]
    [InlineData("limit=ten", "Invalid type for 'limit': expected an integer, but got a string instead.", "limit", "invalid_type")]
    [InlineData("order=newest", "Invalid value: 'newest'. Supported values are: 'asc' and 'desc'.", "order", "invalid_value")]
    [InlineData("after=video_nope", "Invalid 'after': no video with id 'video_nope' exists.", "after", "invalid_value")]
    public async Task BadQueryParametersAreRejected(string query, string message, string param, string code)
    {
        using var response = await _api.Http.GetAsync("videos?" + query);
        var error = await ReadErrorAsync(response, 400);

        Assert.Equal(message, Str(error, "message"));
        Assert.Equal(param, Str(error, "param"));
        Assert.Equal(code, Str(error, "code"));
    }

    private async Task<JsonElement> ListAsync(string path)
    {
        using var response = await _api.Http.GetAsync(path);
        return await ReadOkAsync(response);
    }

    private static List<string> Ids(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();
}
