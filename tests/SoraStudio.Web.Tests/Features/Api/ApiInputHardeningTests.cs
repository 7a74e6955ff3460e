using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>What the API takes: a sane budget, bounded text, JSON read exactly as documented, refusals in plain words.</summary>
public sealed class ApiInputHardeningTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioApp _app = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _app = StudioApp.Start(_folder);
        _api = await _app.ApiClientAsync();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnEnormousBudgetIsRefusedByNameOnCreateAndUpdate()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/projects", """{"name":"Big","budget":10000000000000}""");
        Assert.Contains("USD", Assert.Single((await ApiAssert.ValidationAsync(created))["budget"]));
        var id = await ProjectAsync();

        var updated = await SendAsync(HttpMethod.Put, $"/api/v1/projects/{id}", """{"name":"Big","budget":10000000000000}""");

        Assert.Equal("budget", Assert.Single((await ApiAssert.ValidationAsync(updated)).Keys));
        var project = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{id}"));
        Assert.Equal(JsonValueKind.Null, project.GetProperty("budget").ValueKind);
        // The largest budget allowed is stored and read back whole.
        var largest = await SendAsync(HttpMethod.Put, $"/api/v1/projects/{id}", """{"name":"Big","budget":100000000}""");
        Assert.Equal(100_000_000m, (await ApiAssert.JsonAsync(largest)).GetProperty("budget").GetDecimal());
    }

    [Fact]
    public async Task AStyleBibleFieldOverTheLimitIsRefusedByItsPath()
    {
        var style = new string('s', 1_000_000);

        var response = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Heavy", styleBible = new { style } });

        var errors = await ApiAssert.ValidationAsync(response);
        Assert.Contains("32,000", Assert.Single(errors["styleBible.style"]));
        Assert.Empty((await ApiAssert.JsonAsync(await _api.GetAsync("/api/v1/projects"))).EnumerateArray());
    }

    [Fact]
    public async Task ASpecFieldTakesAWholePromptButNotMore()
    {
        var projectId = await ProjectAsync();
        var whole = Seed.Spec() with { Style = "", Scene = new string('a', TextLimits.Prompt) };
        var over = whole with { Scene = new string('a', TextLimits.Prompt + 1) };

        await ApiAssert.JsonAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Shot("Whole", whole)), HttpStatusCode.Created);
        var errors = await ApiAssert.ValidationAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Shot("Over", over)));

        Assert.Contains("spec.scene", errors.Keys);
    }

    [Fact]
    public async Task ManyEntriesAndControlCharactersInASpecAreRefusedByPath()
    {
        var projectId = await ProjectAsync();
        var spec = Seed.Spec() with
        {
            Actions = [new Beat("She looks up."), new Beat("A bell \a rings.")],
            Cinematography = new Cinematography { PaletteAnchors = [.. Enumerable.Repeat("amber", TextLimits.Items + 1)] },
        };

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Shot("Noisy", spec)));

        Assert.Contains("spec.actions[1].text", errors.Keys);
        Assert.Contains("spec.cinematography.paletteAnchors", errors.Keys);
    }

    [Theory]
    [InlineData("""{"name":"A","name":"B"}""", "name")]
    [InlineData("""{"name":"A","styleBible":{"style":"x","style":"y"}}""", "styleBible.style")]
    [InlineData("""{"Name":"A"}""", "Name")]
    [InlineData("""{"name":"A","BUDGET":5}""", "BUDGET")]
    [InlineData("""{"name":"A","budget":"12"}""", "budget")]
    [InlineData("""{"name":"A\u0000B"}""", "name")]
    [InlineData("""{"name":"Two\nlines"}""", "name")]
    [InlineData("""{"name":"A","styleBible":{"characters":[{"name":"Ma\u001bx","description":"tall"}]}}""", "styleBible.characters[0].name")]
    public async Task AProjectBodyIsReadStrictly(string body, string field)
    {
        var errors = await ApiAssert.ValidationAsync(await SendAsync(HttpMethod.Post, "/api/v1/projects", body));

        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got {Describe(errors)}");
        Assert.Empty((await ApiAssert.JsonAsync(await _api.GetAsync("/api/v1/projects"))).EnumerateArray());
    }

    [Fact]
    public async Task VariationsSentAsTextQueueNothing()
    {
        var projectId = await ProjectAsync();
        var shot = await ApiAssert.JsonAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/shots", Shot("Stairs", Seed.Spec())), HttpStatusCode.Created);
        var shotId = shot.GetProperty("id").GetInt64();

        var errors = await ApiAssert.ValidationAsync(await SendAsync(HttpMethod.Post, $"/api/v1/shots/{shotId}/generate", """{"variations":"2"}"""));

        Assert.Equal("Expected a number, not text.", Assert.Single(errors["variations"]));
        var takes = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/shots/{shotId}/takes"));
        Assert.Empty(takes.EnumerateArray());
    }

    [Fact]
    public async Task AShotTitleWithANulIsRefused()
    {
        var projectId = await ProjectAsync();

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsJsonAsync($"/api/v1/projects/{projectId}/shots", new { title = "Stairs\0" }));

        Assert.Equal("title", Assert.Single(errors.Keys));
    }

    [Theory]
    [InlineData("""{"name":"A","styleBible":{"paletteAnchors":"red"}}""", "styleBible.paletteAnchors")]
    [InlineData("""{"name":"A","styleBible":{"paletteAnchors":[1]}}""", "styleBible.paletteAnchors[0]")]
    [InlineData("""{"name":"A","styleBible":{"characters":[{"name":"Max","description":"tall"},{"name":5}]}}""", "styleBible.characters[1].name")]
    [InlineData("""{"name":"A","styleBible":{"characters":{"name":"Max"}}}""", "styleBible.characters")]
    [InlineData("""{"name":"A","styleBible":{"characters":[null]}}""", "styleBible.characters")]
    [InlineData("""{"name":"A","styleBible":"35 mm"}""", "styleBible")]
    [InlineData("""{"name":"A","budget":1e400}""", "budget")]
    [InlineData("""{"name":"A","budget":true}""", "budget")]
    [InlineData("""{"name":"\ud800"}""", "name")]
    public async Task RefusalsSayWhatWasWrongWithoutDotNetTypeNames(string body, string field)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/projects", body);
        var text = await response.Content.ReadAsStringAsync();

        var errors = await ApiAssert.ValidationAsync(response);
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got {Describe(errors)}");
        foreach (var leak in new[] { "System.", "SoraStudio.", "`1", "Path:", "LineNumber" })
            Assert.DoesNotContain(leak, text);
    }

    [Fact]
    public async Task AnEntryOfASpecListIsNamedByItsIndexInPlainWords()
    {
        var projectId = await ProjectAsync();
        var body = """{"title":"T","spec":{"scene":"Rain.","actions":[{"text":"She runs."},{"text":5}]}}""";

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/projects/{projectId}/shots", body);
        var text = await response.Content.ReadAsStringAsync();

        var errors = await ApiAssert.ValidationAsync(response);
        Assert.Equal("Expected text (a JSON string), not a number.", Assert.Single(errors["spec.actions[1].text"]));
        Assert.DoesNotContain("SoraStudio.", text);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedAndTheConnectionClosedSayingSo()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', 2 * 1024 * 1024)}}"}""")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _api.SendAsync(request);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(response.Headers.ConnectionClose, "a 413 before the end of the body carries Connection: close");
    }

    private async Task<long> ProjectAsync()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Lighthouse" });
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        _api.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static StringContent Shot(string title, ShotSpec spec) => new(
        JsonSerializer.Serialize(new { title, spec = JsonSerializer.SerializeToElement(spec, SpecJson.Options) }), Encoding.UTF8, "application/json");

    private static string Describe(Dictionary<string, string[]> errors) =>
        string.Join(", ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
