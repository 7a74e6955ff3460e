using SoraStudio.Core.Spec;
using SoraStudio.TestSupport;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.Web.Bench;

/// <summary>The benchmarks' studio and data: the tests' host, offline (no worker, no reachable Videos API), run as Production.</summary>
internal static class BenchStudio
{
    /// <summary>A studio on a SQLite file in a temp folder (deleted afterwards); its services act as its owner.</summary>
    public static Task<StudioTestHost> StartAsync() =>
        StudioTestHost.StartAsync(Path.Combine(Path.GetTempPath(), "sora-web-bench-" + Guid.NewGuid().ToString("N")), "http://127.0.0.1:9/v1", o =>
        {
            o.RunWorker = false;
            o.EnvironmentName = "Production";
            o.DeleteDataOnDispose = true;
        });

    public static ShotSpec Spec(int shot) => ShotSpec.Empty with
    {
        Style = "35 mm film, warm tungsten light",
        Scene = $"Shot {shot}: a lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
    };

    /// <summary>A project with <paramref name="shots"/> shots.</summary>
    public static async Task<(long ProjectId, List<long> ShotIds)> ProjectAsync(this StudioTestHost studio, int shots, decimal? budget = null)
    {
        var projectId = await studio.Get<ProjectService>().CreateAsync(new ProjectInput("Bench", Budget: budget));
        var ids = new List<long>();
        for (var i = 0; i < shots; i++)
            ids.Add(await studio.Get<ShotService>().AddAsync(projectId, $"Shot {i}", Spec(i)));
        return (projectId, ids);
    }
}
