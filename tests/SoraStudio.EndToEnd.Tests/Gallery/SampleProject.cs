using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>
/// A project whose shots (at most three) each have a ready, selected take: a sample MP4 imported, so nothing waits on
/// generation; each shot's a different sample, so an archive of it holds a video and a thumbnail per shot.
/// </summary>
internal static class SampleProject
{
    public static async Task<(long ProjectId, string Name, IReadOnlyList<long> TakeIds)> CreateAsync(StudioTestHost server, string prefix, int shots)
    {
        await using var scope = await server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var name = $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput(name));
        var shotService = services.GetRequiredService<ShotService>();
        var takes = new List<long>();
        for (var i = 1; i <= shots; i++)
        {
            var sample = Path.Combine(GalleryFlowTests.RepositoryRoot(), "wwwroot-assets", "samples", $"sample-1280x720-{4 * i}s.mp4");
            var shotId = await shotService.AddAsync(projectId, $"Shot {i}", ShotSpec.Empty with
            {
                Model = "sora-2", Size = "1280x720", Seconds = 4, Scene = $"Rain on the quay at night, take {i}.",
            });
            await using var clip = File.OpenRead(sample);
            var takeId = await services.GetRequiredService<ClipImporter>().ImportAsync(shotId, clip, $"shot-{i}.mp4");
            await shotService.SelectTakeAsync(shotId, takeId);
            takes.Add(takeId);
        }
        return (projectId, name, takes);
    }

    public static async Task<byte[]> ArchiveAsync(StudioTestHost server, long projectId)
    {
        await using var scope = await server.ScopeAsAsync();
        using var zip = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ProjectArchive>().ExportAsync(projectId, zip);
        return zip.ToArray();
    }
}
