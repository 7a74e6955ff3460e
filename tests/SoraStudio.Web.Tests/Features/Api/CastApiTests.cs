using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

/// <summary>The cast and continuing a take through the API, against the emulator mounted in the real app, over HTTP.</summary>
public sealed class CastApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _clips = new();
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
        _clips.Dispose();
    }

    private async Task<(long ProjectId, long ShotId, long TakeId)> ReadyTakeAsync()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(_app);
        var takeId = (await _app.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(_app, takes => takes.Any(t => t.Id == takeId && t.Status == TakeStatus.Ready));
        return (projectId, shotId, takeId);
    }

    private async Task<HttpResponseMessage> UploadAsync(long projectId, string name, double seconds)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(name), "name");
        var video = new ByteArrayContent(await File.ReadAllBytesAsync(await TestClips.MakeAsync(_clips.Path, seconds, 1280, 720)));
        video.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(video, "video", "clip.mp4");
        return await _api.PostAsync($"/api/v1/projects/{projectId}/cast", form);
    }

    [Fact]
    public async Task ACharacterIsMadeFromATakesRangeListedAndRemoved()
    {
        var (projectId, _, takeId) = await ReadyTakeAsync();

        var response = await _api.PostAsJsonAsync($"/api/v1/takes/{takeId}/cast", new { name = "Mara", from = 0.5, to = 3.0 });
        var member = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);

        Assert.Equal("ready", member.GetProperty("state").GetString());
        Assert.StartsWith("char_", member.GetProperty("characterId").GetString());
        Assert.True(member.GetProperty("usableHere").GetBoolean());
        var id = member.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/cast/{id}", response.Headers.Location?.ToString());
        var list = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/cast"));
        Assert.Equal(["Mara"], list.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/v1/cast/{id}")).StatusCode);
        await ApiAssert.ProblemAsync(await _api.GetAsync($"/api/v1/cast/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARangeOutsideTheClipIsA400NamingTheField()
    {
        var (_, _, takeId) = await ReadyTakeAsync();

        var errors = await ApiAssert.ValidationAsync(await _api.PostAsJsonAsync($"/api/v1/takes/{takeId}/cast", new { name = "Mara", from = 2.0, to = 9.0 }));

        Assert.Contains("after the clip's end", Assert.Single(errors["to"]));
    }

    [Fact]
    public async Task AnUploadedClipOfTheWrongLengthGetsTheContractsErrorAsA400OnVideo()
    {
        var projectId = await Seed.ProjectAsync(_app);

        var errors = await ApiAssert.ValidationAsync(await UploadAsync(projectId, "Mara", 6));
        var made = await ApiAssert.JsonAsync(await UploadAsync(projectId, "Mara", 3), HttpStatusCode.Created);
        var unknownField = await ApiAssert.ValidationAsync(await _api.PostAsync($"/api/v1/projects/{projectId}/cast",
            new MultipartFormDataContent { { new StringContent("x"), "nickname" } }));

        Assert.Contains("a character video must be 2 to 4 seconds long", Assert.Single(errors["video"]));
        Assert.Equal("ready", made.GetProperty("state").GetString());
        Assert.True(unknownField.ContainsKey("nickname"));
        Assert.True(unknownField.ContainsKey("video"));
    }

    [Fact]
    public async Task ContinuingATakeMakesTheNextShotStartFromItsLastFrame()
    {
        var (projectId, shotId, takeId) = await ReadyTakeAsync();

        var shot = await ApiAssert.JsonAsync(await _api.PostAsync($"/api/v1/takes/{takeId}/continue", null), HttpStatusCode.Created);

        Assert.False(shot.GetProperty("filled").GetBoolean());
        Assert.Equal(1, shot.GetProperty("position").GetInt32());
        var shots = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/projects/{projectId}/shots"));
        Assert.Equal([shotId, shot.GetProperty("shotId").GetInt64()], shots.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        var detail = await ApiAssert.JsonAsync(await _api.GetAsync($"/api/v1/shots/{shot.GetProperty("shotId").GetInt64()}"));
        var reference = detail.GetProperty("spec").GetProperty("referenceImage");
        Assert.Equal($"take-{takeId}-last-frame.png", reference.GetProperty("fileName").GetString());
        Assert.Equal((1280, 720), (reference.GetProperty("width").GetInt32(), reference.GetProperty("height").GetInt32()));
        Assert.Equal(JsonValueKind.Number, detail.GetProperty("referenceAssetId").ValueKind);
    }
}
