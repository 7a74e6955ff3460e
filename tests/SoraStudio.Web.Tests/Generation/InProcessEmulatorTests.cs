using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class InProcessEmulatorTests
{
    [Fact]
    public async Task WithoutAnApiKeyTheAppGeneratesThroughTheEmulatorMountedInItself()
    {
        using var folder = new TempFolder();
        // No API key, as on a fresh clone (the host blanks any in the machine's environment).
        await using var app = StudioTestHost.Start(folder);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await TestUsers.ActAsNewOwnerAsync(services);
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput("Lighthouse"));
        var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", Seed.Spec());

        var takeId = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId)).Single();

        var contexts = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Take take;
        do
        {
            await Task.Delay(100);
            await using var db = await contexts.CreateDbContextAsync();
            take = await db.Takes.Include(t => t.Clips).AsNoTracking().SingleAsync(t => t.Id == takeId);
        }
        while (TakeStateMachine.IsActive(take.Status) && DateTime.UtcNow < deadline);

        Assert.True(services.GetRequiredService<VideosBackend>().InProcessEmulator);
        Assert.Equal(TakeStatus.Ready, take.Status);
        Assert.Equal(1, services.GetRequiredService<EmulatorRequestLog>().Count(EmulatorOperation.Create));
        Assert.Equal(3, take.Clips.Count);
        Assert.All(take.Clips, c => Assert.True(services.GetRequiredService<ClipStore>().Exists(c.RelativePath)));
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "emulator")), "the emulator keeps its files under the studio's data folder");
    }

    public static TheoryData<string, string> EmulatorRoutes() => new()
    {
        { "POST", "/v1/videos" },
        { "GET", "/v1/videos" },
        { "GET", "/v1/videos/video_123" },
        { "DELETE", "/v1/videos/video_123" },
        { "GET", "/v1/videos/video_123/content" },
        { "HEAD", "/v1/videos/video_123/content" },
        { "POST", "/v1/videos/video_123/remix" },
        { "GET", "/v1/no-such-route" },
    };

    [Theory]
    [MemberData(nameof(EmulatorRoutes))]
    public async Task TheMountedEmulatorRefusesAnyoneButTheStudioItself(string method, string path)
    {
        using var folder = new TempFolder();
        // A key configured by hand is not the mounted emulator's key either.
        await using var app = StudioTestHost.Start(folder, settings: new() { ["Emulator:ApiKey"] = "configured-by-hand" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        foreach (var authorization in new[] { null, "Bearer in-process-emulator", "Bearer configured-by-hand", "Bearer any" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null)
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (method == "POST")
                request.Content = new StringContent("""{"prompt":"A lighthouse at dusk","seconds":"4"}""", System.Text.Encoding.UTF8, "application/json");

            using var response = await http.SendAsync(request);

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
            if (method != "HEAD")
            {
                using var envelope = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var error = envelope.RootElement.GetProperty("error");
                Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
                Assert.Contains("API key", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(0, app.Services.GetRequiredService<EmulatorRequestLog>().Requests.Count(r => r.StatusCode != 401));
        Assert.Empty(app.Services.GetRequiredService<EmulatorJobs>().List());
    }
}
