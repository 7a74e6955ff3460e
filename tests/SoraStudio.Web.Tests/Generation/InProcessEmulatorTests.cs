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
}
