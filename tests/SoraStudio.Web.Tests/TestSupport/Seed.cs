using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>Projects and shots made through the application services, as a person would.</summary>
public static class Seed
{
    public static ShotSpec Spec(string scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.", int seconds = 4) => ShotSpec.Empty with
    {
        Model = "sora-2",
        Size = "1280x720",
        Seconds = seconds,
        Style = "35 mm film, warm tungsten light",
        Scene = scene,
    };

    public static Task<long> ProjectAsync(StudioTestHost host, decimal? budget = null, string name = "Lighthouse") =>
        host.Get<ProjectService>().CreateAsync(new ProjectInput(name, Budget: budget));

    public static async Task<long> ShotAsync(StudioTestHost host, long projectId, ShotSpec? spec = null, string title = "Stairs") =>
        await host.Get<ShotService>().AddAsync(projectId, title, spec ?? Spec());

    /// <summary>A project with one shot of <paramref name="spec"/>.</summary>
    public static async Task<(long ProjectId, long ShotId)> ShotInNewProjectAsync(StudioTestHost host, ShotSpec? spec = null, decimal? budget = null)
    {
        var projectId = await ProjectAsync(host, budget);
        return (projectId, await ShotAsync(host, projectId, spec));
    }
}
