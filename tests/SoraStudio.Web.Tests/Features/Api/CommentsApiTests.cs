using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>A ready take, generated through the API against the emulator mounted in the app, and its comments.</summary>
public sealed class CommentsApiFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public StudioTestHost App { get; private set; } = null!;
    public HttpClient Owner { get; private set; } = null!;
    public long ProjectId { get; private set; }
    public long TakeId { get; private set; }

    public async Task InitializeAsync()
    {
        App = StudioTestHost.Start(_folder);
        Owner = await App.ApiClientAsync();
        var project = await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync("/api/v1/projects", new { name = "Review me" }), HttpStatusCode.Created);
        ProjectId = project.GetProperty("id").GetInt64();
        var spec = JsonSerializer.SerializeToElement(Seed.Spec(), SpecJson.Options);
        using var shot = await Owner.PostAsync($"/api/v1/projects/{ProjectId}/shots",
            new StringContent(JsonSerializer.Serialize(new { title = "Stairs", spec }), Encoding.UTF8, "application/json"));
        var shotId = (await ApiAssert.JsonAsync(shot, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var queued = await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync($"/api/v1/shots/{shotId}/generate", new { variations = 1 }), HttpStatusCode.Accepted);
        TakeId = queued.GetProperty("takeIds")[0].GetInt64();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ApiAssert.JsonAsync(await Owner.GetAsync($"/api/v1/takes/{TakeId}"))).GetProperty("take").GetProperty("status").GetString() != "ready")
        {
            Assert.True(DateTime.UtcNow < deadline, $"take {TakeId} never became ready");
            await Task.Delay(100);
        }
    }

    /// <summary>A client of a new member of the project with <paramref name="role"/> (null: not a member).</summary>
    public async Task<HttpClient> PersonAsync(string name, ProjectRole? role)
    {
        var person = await App.CreateUserAsync(name);
        if (role is { } r)
            await App.AddMemberAsync(ProjectId, person, r);
        return await App.ApiClientAsync(person);
    }

    public async Task DisposeAsync()
    {
        Owner.Dispose();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}

public sealed class CommentsApiTests(CommentsApiFixture fixture) : IClassFixture<CommentsApiFixture>
{
    private HttpClient Owner => fixture.Owner;
    private long TakeId => fixture.TakeId;

    [Fact]
    public async Task ACommentIsAddedRepliedToResolvedAndReopened()
    {
        using var reviewer = await fixture.PersonAsync("Rita Reviewer", ProjectRole.Reviewer);

        using var added = await reviewer.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "Too dark <b>here</b> @Owner", startSeconds = 1.5, endSeconds = 2.25 });
        var comment = await ApiAssert.JsonAsync(added, HttpStatusCode.Created);
        var id = comment.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/comments/{id}", added.Headers.Location?.ToString());
        Assert.Equal("Too dark <b>here</b> @Owner", comment.GetProperty("body").GetString());
        Assert.Equal("Rita Reviewer", comment.GetProperty("authorName").GetString());
        Assert.Equal(1.5, comment.GetProperty("startSeconds").GetDouble());
        Assert.Equal(2.25, comment.GetProperty("endSeconds").GetDouble());
        Assert.Equal(["Owner"], comment.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        Assert.False(comment.GetProperty("resolved").GetBoolean());

        var reply = await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync($"/api/v1/comments/{id}/replies", new { body = "Lifting the key light." }), HttpStatusCode.Created);
        Assert.Equal(id, reply.GetProperty("parentId").GetInt64());
        Assert.Equal("Owner", reply.GetProperty("authorName").GetString());

        var thread = await ApiAssert.JsonAsync(await Owner.GetAsync($"/api/v1/takes/{TakeId}/comments"));
        var listed = Assert.Single(thread.EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal("Lifting the key light.", Assert.Single(listed.GetProperty("replies").EnumerateArray()).GetProperty("body").GetString());

        var resolved = await ApiAssert.JsonAsync(await reviewer.PostAsync($"/api/v1/comments/{id}/resolve", null));
        Assert.True(resolved.GetProperty("resolved").GetBoolean());
        Assert.Equal("Rita Reviewer", resolved.GetProperty("resolvedBy").GetString());
        var reopened = await ApiAssert.JsonAsync(await Owner.PostAsync($"/api/v1/comments/{id}/reopen", null));
        Assert.False(reopened.GetProperty("resolved").GetBoolean());
        Assert.Equal(1, (await ApiAssert.JsonAsync(await reviewer.GetAsync($"/api/v1/comments/{id}"))).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task BadCommentsAreRefusedByFieldAndNothingIsWritten()
    {
        var before = await CountAsync();

        Assert.Equal(["body"], (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "  " }))).Keys);
        Assert.Equal(["startSeconds"], (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "late", startSeconds = 999 }))).Keys);
        Assert.Equal(["endSeconds"], (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "backwards", startSeconds = 2, endSeconds = 1 }))).Keys);
        Assert.Equal(["body"], (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = new string('x', 5001) }))).Keys);
        Assert.Contains("colour", (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "typo", colour = "red" }))).Keys);

        var parent = (await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "Whole take" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var reply = (await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync($"/api/v1/comments/{parent}/replies", new { body = "a reply" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(["parentId"], (await ApiAssert.ValidationAsync(await Owner.PostAsJsonAsync($"/api/v1/comments/{reply}/replies", new { body = "a reply to a reply" }))).Keys);
        Assert.Equal(["commentId"], (await ApiAssert.ValidationAsync(await Owner.PostAsync($"/api/v1/comments/{reply}/resolve", null))).Keys);
        await ApiAssert.ProblemAsync(await Owner.GetAsync("/api/v1/takes/999999/comments"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await Owner.PostAsync("/api/v1/comments/999999/resolve", null), HttpStatusCode.NotFound);

        Assert.Equal(before + 2, await CountAsync());
    }

    [Fact]
    public async Task AViewerReadsCommentsButCannotWriteAndAnOutsiderSeesNone()
    {
        var id = (await ApiAssert.JsonAsync(await Owner.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "Hold the last frame", startSeconds = 3 }), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        var before = await CountAsync();
        using var viewer = await fixture.PersonAsync("Victor Viewer", ProjectRole.Viewer);
        using var outsider = await fixture.PersonAsync("Olga Outsider", role: null);

        Assert.Contains((await ApiAssert.JsonAsync(await viewer.GetAsync($"/api/v1/takes/{TakeId}/comments"))).EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        var forbidden = await ApiAssert.ProblemAsync(await viewer.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "me too" }), HttpStatusCode.Forbidden);
        Assert.Contains("Viewer", forbidden.GetProperty("detail").GetString());
        await ApiAssert.ProblemAsync(await viewer.PostAsJsonAsync($"/api/v1/comments/{id}/replies", new { body = "me too" }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await viewer.PostAsync($"/api/v1/comments/{id}/resolve", null), HttpStatusCode.Forbidden);

        Assert.Equal($"Take {TakeId} does not exist.",
            (await ApiAssert.ProblemAsync(await outsider.GetAsync($"/api/v1/takes/{TakeId}/comments"), HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await ApiAssert.ProblemAsync(await outsider.PostAsJsonAsync($"/api/v1/takes/{TakeId}/comments", new { body = "hello" }), HttpStatusCode.NotFound);
        foreach (var attempt in new[]
                 {
                     outsider.GetAsync($"/api/v1/comments/{id}"),
                     outsider.PostAsJsonAsync($"/api/v1/comments/{id}/replies", new { body = "hello" }),
                     outsider.PostAsync($"/api/v1/comments/{id}/resolve", null),
                 })
        {
            var missing = await ApiAssert.ProblemAsync(await attempt, HttpStatusCode.NotFound);
            Assert.Equal($"Comment {id} does not exist.", missing.GetProperty("detail").GetString());
        }

        Assert.Equal(before, await CountAsync());
        var stored = await ApiAssert.JsonAsync(await Owner.GetAsync($"/api/v1/comments/{id}"));
        Assert.False(stored.GetProperty("resolved").GetBoolean());
    }

    private async Task<int> CountAsync()
    {
        await using var db = await fixture.App.DbAsync();
        return db.TakeComments.Count();
    }
}
