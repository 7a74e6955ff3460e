using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

public sealed class ShotsApiTests : IAsyncLifetime
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
    public async Task AShotSpecGoesInAndComesOutAsTheSameJson()
    {
        var projectId = await ProjectAsync();
        var spec = Seed.Spec() with { Cinematography = new Cinematography { CameraShot = "wide shot", PaletteAnchors = ["amber", "teal"] } };
        var specJson = JsonSerializer.SerializeToElement(spec, SpecJson.Options);

        using var created = await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Json(new { title = "Stairs", spec = specJson }));
        var shot = await ApiAssert.JsonAsync(created, HttpStatusCode.Created);
        var shotId = shot.GetProperty("id").GetInt64();

        var read = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/shots/{shotId}"));
        Assert.Equal(spec, read.GetProperty("spec").Deserialize<ShotSpec>(SpecJson.Options));

        // What the API gives back is what it takes: a client edits the spec it read and sends it back whole.
        var edited = JsonSerializer.SerializeToElement(new
        {
            title = "Stairs, take two",
            spec = read.GetProperty("spec"),
            notes = "Warmer.",
            overrides = read.GetProperty("overrides"),
        });
        var updated = await ApiAssert.JsonAsync(await _api.PutAsync($"/api/v1/shots/{shotId}", Json(edited)));
        Assert.Equal("Stairs, take two", updated.GetProperty("title").GetString());
        Assert.Equal(spec, updated.GetProperty("spec").Deserialize<ShotSpec>(SpecJson.Options));
    }

    [Fact]
    public async Task ASpecTheRulesRefuseIsNamedFieldByFieldUnderSpec()
    {
        var projectId = await ProjectAsync();
        var spec = JsonSerializer.SerializeToElement(Seed.Spec() with { Seconds = 7, Size = "640x480" }, SpecJson.Options);

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Json(new { title = "Bad", spec })));

        Assert.Contains("spec.seconds", errors.Keys);
        Assert.Contains("spec.size", errors.Keys);
        var shots = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/shots"));
        Assert.Empty(shots.EnumerateArray());
    }

    [Fact]
    public async Task AnUnknownFieldDeepInTheSpecIsNamedByItsPath()
    {
        var projectId = await ProjectAsync();
        var body = """{"title": "T", "spec": {"scene": "Rain.", "cinematography": {"cameraShot": "wide", "zoom": "2x"}}}""";

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal("spec.cinematography.zoom", Assert.Single(errors.Keys));
    }

    [Fact]
    public async Task ShotsAreListedInTimelineOrderAndMove()
    {
        var projectId = await ProjectAsync();
        var ids = new List<long>();
        foreach (var title in new[] { "One", "Two", "Three" })
            ids.Add((await ApiAssert.JsonAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Json(new { title })), HttpStatusCode.Created)).GetProperty("id").GetInt64());

        var moved = await ApiAssert.JsonAsync(await _api.PutAsync($"/api/v1/shots/{ids[2]}/position", Json(new { position = 0 })));

        Assert.Equal(0, moved.GetProperty("position").GetInt32());
        var list = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/shots"));
        Assert.Equal(["Three", "One", "Two"], list.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Contains("position", (await ApiAssert.ValidationAsync(await _api.PutAsync($"/api/v1/shots/{ids[0]}/position", Json(new { position = -1 })))).Keys);
    }

    [Fact]
    public async Task AShotOfAProjectThatDoesNotExistIsA404()
    {
        await ApiAssert.ProblemAsync(await _api.PostAsync("/api/v1/projects/999/shots", Json(new { title = "T" })), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/shots/999"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/shots/999/prompt"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PostAsync("/api/v1/shots/999/generate", Json(new { variations = 1 })), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PutAsync("/api/v1/shots/999/position", Json(new { position = 1 })), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PutAsync("/api/v1/shots/999/selected-take", Json(new { takeId = 1 })), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheShotPromptHasTheStyleBibleApplied()
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Bible", styleBible = new { style = "Hand-painted watercolour" } });
        var projectId = (await ApiAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var spec = JsonSerializer.SerializeToElement(Seed.Spec() with { Style = "" }, SpecJson.Options);
        var shotId = (await ApiAssert.JsonAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Json(new { title = "S", spec })), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

        var prompt = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/shots/{shotId}/prompt"));

        Assert.Contains("Hand-painted watercolour", prompt.GetProperty("prompt").GetString());
        Assert.True(prompt.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task RenderGivesTheExactPromptAndAdviseTheGuidesAdvice()
    {
        var spec = JsonSerializer.SerializeToElement(Seed.Spec() with { Style = "" }, SpecJson.Options);

        var rendered = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/render", Json(spec)));
        var advice = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/advise", Json(spec)));

        Assert.Equal(SoraStudio.Core.Prompting.PromptRenderer.Render(Seed.Spec() with { Style = "" }), rendered.GetProperty("prompt").GetString());
        Assert.Equal(rendered.GetProperty("prompt").GetString()!.Length, rendered.GetProperty("length").GetInt32());
        var codes = advice.GetProperty("advice").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("no-style", codes);
    }

    [Fact]
    public async Task RenderReportsWhatWouldStopGeneration()
    {
        var spec = JsonSerializer.SerializeToElement(Seed.Spec() with { Seconds = 5 }, SpecJson.Options);

        var rendered = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/render", Json(spec)));

        Assert.False(rendered.GetProperty("valid").GetBoolean());
        Assert.True(rendered.GetProperty("errors").TryGetProperty("seconds", out _));
    }

    [Fact]
    public async Task RenderLeavesEmptyRowsOutAndRefusesHalfWrittenOnes()
    {
        var blank = Seed.Spec() with { Actions = [new("She climbs."), new("")], Dialogue = [new("", "")] };
        var halfWritten = Seed.Spec() with { Dialogue = [new("Keeper", "")] };

        var rendered = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/render", Json(JsonSerializer.SerializeToElement(blank, SpecJson.Options))));
        var advice = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/advise", Json(JsonSerializer.SerializeToElement(blank, SpecJson.Options))));
        var refused = await ApiAssert.JsonAsync(await _api.PostAsync("/api/v1/prompts/render", Json(JsonSerializer.SerializeToElement(halfWritten, SpecJson.Options))));

        var prompt = rendered.GetProperty("prompt").GetString()!;
        Assert.EndsWith("Actions:\n- She climbs.", prompt);
        Assert.DoesNotContain("Dialogue:", prompt);
        Assert.True(rendered.GetProperty("valid").GetBoolean());
        Assert.Contains("empty-rows", advice.GetProperty("advice").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.True(refused.GetProperty("errors").TryGetProperty("dialogue[0].text", out _));
    }

    private async Task<long> ProjectAsync()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Lighthouse" });
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static StringContent Json<T>(T value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
