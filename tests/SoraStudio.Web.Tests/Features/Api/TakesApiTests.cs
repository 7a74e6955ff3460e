using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>Generation through the API, against the emulator mounted in the real app, over HTTP.</summary>
public sealed class TakesApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _app = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _app = StudioTestHost.Start(_folder);
        _api = await _app.ApiClientAsync();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task GeneratedTakesArePagedDownloadedWithRangesAndRemixed()
    {
        var (projectId, shotId) = await ShotAsync();

        var queued = await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 2 }), HttpStatusCode.Accepted);
        var takeIds = queued.GetProperty("takeIds").EnumerateArray().Select(t => t.GetInt64()).ToList();
        Assert.Equal(2, takeIds.Count);
        var takes = new List<JsonElement>();
        foreach (var id in takeIds)
            takes.Add(await WaitUntilReadyAsync(id));

        // Pages: newest first, one per page, the next page named until the last.
        var first = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes?pageSize=1"));
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal(takeIds.Max(), Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        // The id stays the key; the number is what the studio calls the take in its project.
        Assert.Equal(2, first.GetProperty("items")[0].GetProperty("number").GetInt32());
        Assert.Equal(2, first.GetProperty("nextPage").GetInt32());
        var second = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes?page=2&pageSize=1"));
        Assert.Equal(takeIds.Min(), Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextPage").ValueKind);
        var ready = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes?status=ready"));
        Assert.Equal(2, ready.GetProperty("total").GetInt32());
        Assert.Equal("ready", ready.GetProperty("items")[0].GetProperty("status").GetString());
        var queuedOnly = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes?status=queued"));
        Assert.Equal(0, queuedOnly.GetProperty("total").GetInt32());

        // The video: whole, by range, and not again when unchanged.
        var take = takes[0];
        var video = take.GetProperty("clips").EnumerateArray().Single(c => c.GetProperty("variant").GetString() == "video");
        var url = video.GetProperty("url").GetString()!;
        Assert.Equal(take.GetProperty("take").GetProperty("links").GetProperty("video").GetString(), url);
        using var whole = await _api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(video.GetProperty("bytes").GetInt64(), bytes.Length);
        Assert.Equal(video.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url);
        rangeRequest.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await _api.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-199/{bytes.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, bytes.Length + 20);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await _api.SendAsync(beyond)).StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(whole.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _api.SendAsync(again)).StatusCode);

        // The timeline shows a chosen ready take.
        var selected = await ApiAssert.JsonAsync(await _api.PutAsJsonAsync($"/api/v1/shots/{shotId}/selected-take", new { takeId = takeIds[1] }));
        Assert.Equal(takeIds[1], selected.GetProperty("selectedTakeId").GetInt64());

        // A remix of the first take, in its lineage.
        var remix = await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/takes/{takeIds[0]}/remix", new { instruction = "Make it night." }), HttpStatusCode.Accepted);
        var remixId = remix.GetProperty("takeIds")[0].GetInt64();
        var remixed = await WaitUntilReadyAsync(remixId);
        Assert.Equal(takeIds[0], remixed.GetProperty("take").GetProperty("parentTakeId").GetInt64());
        var lineage = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{remixId}/lineage"));
        Assert.Equal([takeIds[0], remixId], lineage.EnumerateArray().Select(n => n.GetProperty("takeId").GetInt64()));
        // An extension and an edit of the first take, children of it too.
        var extension = await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/takes/{takeIds[0]}/extend", new { seconds = 4, prompt = "The keeper waves." }), HttpStatusCode.Accepted);
        var extended = await WaitUntilReadyAsync(extension.GetProperty("takeIds")[0].GetInt64());
        Assert.Equal(takeIds[0], extended.GetProperty("take").GetProperty("parentTakeId").GetInt64());
        Assert.Equal(8, extended.GetProperty("take").GetProperty("seconds").GetInt32());
        Assert.Equal("extension", extended.GetProperty("take").GetProperty("kind").GetString());
        var quote = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{takeIds[0]}/extend/quote?seconds=8"));
        Assert.Equal(0.80m, quote.GetProperty("estimate").GetProperty("total").GetDecimal());
        Assert.Equal(0.40m, (await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{takeIds[0]}/edit/quote"))).GetProperty("estimate").GetProperty("total").GetDecimal());
        var extendedLineage = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{extension.GetProperty("takeIds")[0].GetInt64()}/lineage"));
        Assert.Equal(["generation", "remix", "extension"], extendedLineage.EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        var edit = await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/takes/{takeIds[0]}/edit", new { instruction = "Make it dawn." }), HttpStatusCode.Accepted);
        var edited = (await WaitUntilReadyAsync(edit.GetProperty("takeIds")[0].GetInt64())).GetProperty("take");
        Assert.Equal((takeIds[0], "edit"), (edited.GetProperty("parentTakeId").GetInt64(), edited.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task OnlyAReadyTakeOfTheShotCanBeSelected()
    {
        var (_, shotId) = await ShotAsync();
        var takeId = (await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 1 }), HttpStatusCode.Accepted))
            .GetProperty("takeIds")[0].GetInt64();
        var (_, otherShot) = await ShotAsync();

        await ApiAssert.ProblemAsync(await _api.PutAsJsonAsync($"/api/v1/shots/{otherShot}/selected-take", new { takeId }), HttpStatusCode.NotFound);
        await WaitUntilReadyAsync(takeId);
        var cleared = await ApiAssert.JsonAsync(await _api.PutAsJsonAsync($"/api/v1/shots/{shotId}/selected-take", new { takeId = (long?)null }));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("selectedTakeId").ValueKind);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("status=shiny", "status")]
    [InlineData("status=3", "status")]
    public async Task ABadPageQueryIsNamed(string query, string field)
    {
        var (projectId, _) = await ShotAsync();

        var errors = await ApiAssert.ValidationAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes?{query}"));

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public async Task TooManyVariationsAreRefusedAndNothingIsQueued()
    {
        var (projectId, shotId) = await ShotAsync();

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 5 }));

        Assert.Contains("variations", errors.Keys);
        Assert.Equal(0, (await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AGenerationOverBudgetIsAConflictAndNothingIsQueued()
    {
        var (projectId, shotId) = await ShotAsync(budget: 0.10m);

        var problem = await ApiAssert.ProblemAsync(await _api.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 1 }), HttpStatusCode.Conflict);

        Assert.Contains("budget", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/takes"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheQuoteSaysWhatVariationsCostAgainstTheBudget()
    {
        var (_, shotId) = await ShotAsync(budget: 1m);

        var quote = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/shots/{shotId}/quote?variations=3"));

        Assert.Equal(1.20m, quote.GetProperty("estimate").GetProperty("total").GetDecimal());
        Assert.False(quote.GetProperty("withinBudget").GetBoolean());
    }

    [Fact]
    public async Task FilesOfUnknownTakesUnknownVariantsAndUnfinishedTakesAreProblems()
    {
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/takes/999"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/takes/999/content/video"), HttpStatusCode.NotFound);
        var errors = await ApiAssert.ValidationAsync(await _api.GetAsync("/api/v1/takes/999/content/poster"));
        Assert.Contains("variant", errors.Keys);
        await ApiAssert.ProblemAsync(await _api.PostAsJsonAsync("/api/v1/takes/999/remix", new { instruction = "Make it night." }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PostAsync("/api/v1/takes/999/cancel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnExtensionOfAnUnsupportedLengthIsNamed()
    {
        var errors = await ApiAssert.ValidationAsync(await _api.PostAsJsonAsync("/api/v1/takes/1/extend", new { seconds = 6, prompt = "more" }));

        Assert.Contains("seconds", errors.Keys);
    }

    [Fact]
    public async Task AnEmptyRemixInstructionIsNamed()
    {
        var errors = await ApiAssert.ValidationAsync(await _api.PostAsJsonAsync("/api/v1/takes/1/remix", new { instruction = "" }));

        Assert.NotEmpty(errors);
    }

    private async Task<JsonElement> WaitUntilReadyAsync(long takeId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var take = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{takeId}"));
            var status = take.GetProperty("take").GetProperty("status").GetString();
            if (status == "ready")
                return take;
            Assert.True(status is "queued" or "submitting" or "inProgress" or "downloading", $"take {takeId} is {status}: {take}");
            Assert.True(DateTime.UtcNow < deadline, $"take {takeId} is still {status}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ATakeSaysWhereItsBeatsAndLinesFall()
    {
        var (_, shotId) = await ShotAsync(spec: Seed.Spec() with
        {
            Actions = [new Beat("Character takes four steps to the window"), new Beat("Pauses and looks outside"), new Beat("Reaches up and pulls the curtain in the final second")],
            Dialogue = [new DialogueLine("Woman", "Morning already.")],
        });
        var takeId = (await ApiAssert.JsonAsync(await _api.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 1 }), HttpStatusCode.Accepted))
            .GetProperty("takeIds")[0].GetInt64();

        var take = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/takes/{takeId}"));

        var beats = take.GetProperty("beats").EnumerateArray()
            .Select(b => (b.GetProperty("number").GetInt32(), b.GetProperty("text").GetString(), b.GetProperty("start").GetDouble(), b.GetProperty("end").GetDouble(), b.GetProperty("timed").GetBoolean()))
            .ToList();
        Assert.Equal([(1, "Character takes four steps to the window", 0, 1.5, false), (2, "Pauses and looks outside", 1.5, 3, false),
            (3, "Reaches up and pulls the curtain in the final second", 3, 4, true)], beats);
        var line = Assert.Single(take.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Woman: “Morning already.”", 0.0, 4.0), (line.GetProperty("text").GetString(), line.GetProperty("start").GetDouble(), line.GetProperty("end").GetDouble()));
    }

    private async Task<(long ProjectId, long ShotId)> ShotAsync(decimal? budget = null, ShotSpec? spec = null)
    {
        using var project = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Lighthouse", budget });
        var projectId = (await ApiAssert.JsonAsync(project, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var specJson = JsonSerializer.SerializeToElement(spec ?? Seed.Spec(), SpecJson.Options);
        using var shot = await _api.PostAsync($"/api/v1/projects/{projectId}/shots",
            new StringContent(JsonSerializer.Serialize(new { title = "Stairs", spec = specJson }), Encoding.UTF8, "application/json"));
        return (projectId, (await ApiAssert.JsonAsync(shot, HttpStatusCode.Created)).GetProperty("id").GetInt64());
    }
}
