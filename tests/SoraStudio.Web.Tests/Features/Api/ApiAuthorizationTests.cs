using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>
/// A token carries its user's own rights: the project's roles as the services check them, and nothing of a project
/// its user is not a member of (404, as for a missing id).
/// </summary>
public sealed class ApiAuthorizationTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _app = null!;
    private HttpClient _owner = null!;
    private long _projectId, _shotId;

    public async Task InitializeAsync()
    {
        _app = StudioTestHost.Start(_folder);
        _owner = await _app.ApiClientAsync();
        var project = await ApiAssert.JsonAsync(await _owner.PostAsJsonAsync("/api/v1/projects", new { name = "Owned" }), HttpStatusCode.Created);
        _projectId = project.GetProperty("id").GetInt64();
        var spec = JsonSerializer.SerializeToElement(Seed.Spec(), SpecJson.Options);
        using var shot = await _owner.PostAsync($"/api/v1/projects/{_projectId}/shots",
            new StringContent(JsonSerializer.Serialize(new { title = "Stairs", spec }), Encoding.UTF8, "application/json"));
        _shotId = (await ApiAssert.JsonAsync(shot, HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnotherUsersProjectDoesNotExistForMyToken()
    {
        using var outsider = await _app.ApiClientAsync(await _app.CreateUserAsync("Outsider"));

        Assert.Empty((await ApiAssert.JsonAsync(await outsider.GetAsync("/api/v1/projects"))).EnumerateArray());
        var project = await ApiAssert.ProblemAsync(await outsider.GetAsync($"/api/v1/projects/{_projectId}"), HttpStatusCode.NotFound);
        Assert.Equal($"Project {_projectId} does not exist.", project.GetProperty("detail").GetString());
        await ApiAssert.ProblemAsync(await outsider.GetAsync($"/api/v1/shots/{_shotId}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await outsider.PostAsJsonAsync($"/api/v1/shots/{_shotId}/generate", new { variations = 1 }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await outsider.DeleteAsync($"/api/v1/projects/{_projectId}"), HttpStatusCode.NotFound);
        // Exactly what a missing id answers.
        var missing = await ApiAssert.ProblemAsync(await outsider.GetAsync($"/api/v1/projects/{_projectId + 1000}"), HttpStatusCode.NotFound);
        Assert.Equal("Not found", missing.GetProperty("title").GetString());

        await using var db = await _app.DbAsync();
        Assert.Single(db.Projects);
        Assert.Empty(db.Takes);
    }

    [Fact]
    public async Task AViewersTokenReadsButCannotGenerateOrChange()
    {
        var viewer = await _app.CreateUserAsync("Vera Viewer");
        await _app.AddMemberAsync(_projectId, viewer, ProjectRole.Viewer);
        using var api = await _app.ApiClientAsync(viewer);

        Assert.Equal("Owned", (await ApiAssert.JsonAsync(await api.GetAsync($"/api/v1/projects/{_projectId}"))).GetProperty("name").GetString());
        await ApiAssert.JsonAsync(await api.GetAsync($"/api/v1/shots/{_shotId}"));

        var generate = await ApiAssert.ProblemAsync(await api.PostAsJsonAsync($"/api/v1/shots/{_shotId}/generate", new { variations = 1 }), HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden", generate.GetProperty("title").GetString());
        Assert.Contains("Viewer", generate.GetProperty("detail").GetString());
        await ApiAssert.ProblemAsync(await api.PutAsJsonAsync($"/api/v1/projects/{_projectId}", new { name = "Mine now" }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await api.DeleteAsync($"/api/v1/shots/{_shotId}"), HttpStatusCode.Forbidden);

        await using var db = await _app.DbAsync();
        Assert.Empty(db.Takes);
        Assert.Equal("Owned", db.Projects.Single().Name);
        Assert.Single(db.Shots);
    }

    [Fact]
    public async Task AnEditorsTokenGeneratesAndTheTakeIsRequestedByTheEditor()
    {
        var editor = await _app.CreateUserAsync("Eddie Editor");
        await _app.AddMemberAsync(_projectId, editor, ProjectRole.Editor);
        using var api = await _app.ApiClientAsync(editor);

        var queued = await ApiAssert.JsonAsync(await api.PostAsJsonAsync($"/api/v1/shots/{_shotId}/generate", new { variations = 1 }), HttpStatusCode.Accepted);
        var takeId = Assert.Single(queued.GetProperty("takeIds").EnumerateArray()).GetInt64();
        var take = await ApiAssert.JsonAsync(await api.GetAsync($"/api/v1/takes/{takeId}"));
        Assert.Equal("Eddie Editor", take.GetProperty("take").GetProperty("requestedBy").GetString());
        // An Editor does not own the project: deleting it stays the Owner's.
        await ApiAssert.ProblemAsync(await api.DeleteAsync($"/api/v1/projects/{_projectId}"), HttpStatusCode.Forbidden);
    }
}
