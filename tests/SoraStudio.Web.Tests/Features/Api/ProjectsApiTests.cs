using System.Net;
using System.Net.Http.Json;
using System.Text;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

public sealed class ProjectsApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _app = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _app = StudioTestHost.Start(_folder, settings: new() { ["Studio:Api:MaxRequestBodyBytes"] = "4096" });
        _api = await _app.ApiClientAsync();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AProjectIsCreatedReadUpdatedAndDeleted()
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Campaign", budget = 12.5, styleBible = new { style = "35 mm film" } });
        var project = await ApiAssert.JsonAsync(created, HttpStatusCode.Created);
        var id = project.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/projects/{id}", created.Headers.Location?.ToString());
        Assert.Equal("35 mm film", project.GetProperty("styleBible").GetProperty("style").GetString());

        using var updated = await _api.PutAsJsonAsync($"/api/v1/projects/{id}", new { name = "Campaign B", defaultModel = "sora-2-pro", defaultSize = "1792x1024" });
        Assert.Equal("sora-2-pro", (await ApiAssert.JsonAsync(updated)).GetProperty("defaultModel").GetString());
        var list = await ApiAssert.JsonAsync(await _api.GetAsync("/api/v1/projects"));
        Assert.Equal("Campaign B", Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/v1/projects/{id}")).StatusCode);
        var gone = await ApiAssert.ProblemAsync(await _api.GetAsync($"/api/v1/projects/{id}"), HttpStatusCode.NotFound);
        Assert.Equal($"Project {id} does not exist.", gone.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidationErrorsNameEachFieldAndWriteNothing()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/projects", new { name = " ", defaultModel = "sora-9", budget = -1 });

        var errors = await ApiAssert.ValidationAsync(response);
        Assert.Equal(["budget", "defaultModel", "name"], errors.Keys.Order());
        Assert.Equal("A project needs a name.", Assert.Single(errors["name"]));
        Assert.Contains("sora-9", Assert.Single(errors["defaultModel"]));
        await AssertNoProjectsAsync();
    }

    [Theory]
    [InlineData("{\"name\": \"A\",", "body")]
    [InlineData("not json", "body")]
    [InlineData("{\"name\": \"A\", \"nmae\": \"typo\"}", "nmae")]
    [InlineData("{\"name\": \"A\", \"styleBible\": {\"colour\": \"red\"}}", "styleBible.colour")]
    [InlineData("{\"name\": null}", "name")]
    [InlineData("{}", "name")]
    [InlineData("{\"name\": \"A\", \"budget\": \"lots\"}", "budget")]
    [InlineData("null", "body")]
    [InlineData("", "body")]
    public async Task MalformedOrUnexpectedJsonIsRefusedByFieldAndWritesNothing(string json, string field)
    {
        using var response = await _api.PostAsync("/api/v1/projects", new StringContent(json, Encoding.UTF8, "application/json"));

        var errors = await ApiAssert.ValidationAsync(response);
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got {string.Join(", ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("SoraStudio.", StringComparison.Ordinal));
        await AssertNoProjectsAsync();
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413AndWritesNothing()
    {
        var description = new string('x', 5000);
        using var response = await _api.PostAsJsonAsync("/api/v1/projects", new { name = "Big", description });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4,096 bytes", problem.GetProperty("detail").GetString());
        await AssertNoProjectsAsync();
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthIsRefusedToo()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"name\": \"{new string('x', 5000)}\"}}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _api.SendAsync(request);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNoProjectsAsync();
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsRefusedWith415()
    {
        using var response = await _api.PostAsync("/api/v1/projects", new StringContent("name=A", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNoProjectsAsync();
    }

    [Fact]
    public async Task WrongIdsUnknownPathsAndWrongMethodsAreProblemsNotPages()
    {
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/projects/424242"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PutAsJsonAsync("/api/v1/projects/424242", new { name = "X" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.DeleteAsync("/api/v1/projects/424242"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/projects/not-a-number"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _api.PatchAsync("/api/v1/projects", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.MethodNotAllowed);
        await AssertNoProjectsAsync();
    }

    [Fact]
    public async Task AProblemCarriesTheRequestIdOfTheResponse()
    {
        using var response = await _api.GetAsync("/api/v1/projects/424242");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-Id")), problem.GetProperty("requestId").GetString());
    }

    private async Task AssertNoProjectsAsync() =>
        Assert.Empty((await ApiAssert.JsonAsync(await _api.GetAsync("/api/v1/projects"))).EnumerateArray());
}
