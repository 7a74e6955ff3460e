using BenchmarkDotNet.Attributes;
using SoraStudio.SoraApi;
using SoraStudio.TestSupport;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Bench;

/// <summary>
/// The gallery's reads on a project with 5,000 takes (50 shots × 100 takes; 60 % ready with three clips each,
/// every fifth take a remix of an earlier one). Target: each under 20 ms.
/// </summary>
[MemoryDiagnoser]
public class GalleryQueriesBenchmark
{
    private const int Shots = 50;
    private const int TakesPerShot = 100;

    private StudioTestHost _studio = null!;
    private GalleryQueries _gallery = null!;
    private TakeQueries _takes = null!;
    private long _projectId;
    private long _shotId;
    private long _takeId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _studio = await BenchStudio.StartAsync();
        _gallery = _studio.Get<GalleryQueries>();
        _takes = _studio.Get<TakeQueries>();
        var (projectId, shotIds) = await _studio.ProjectAsync(Shots);
        _projectId = projectId;
        _shotId = shotIds[Shots / 2];
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        var statuses = new[] { TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Failed, TakeStatus.Queued };
        foreach (var (shotId, s) in shotIds.Select((id, s) => (id, s)))
        {
            await using var db = await _studio.DbAsync();
            var takes = new List<Take>();
            for (var i = 0; i < TakesPerShot; i++)
            {
                var status = i % 10 == 9 ? TakeStatus.InProgress : statuses[i % statuses.Length];
                var take = new Take
                {
                    ProjectId = projectId,
                    ShotId = shotId,
                    Spec = BenchStudio.Spec(s),
                    Prompt = $"Shot {s} take {i}",
                    Model = "sora-2",
                    Size = "1280x720",
                    Seconds = 4,
                    Status = status,
                    Progress = status == TakeStatus.Ready ? 100 : 0,
                    EstimatedCost = 0.40m,
                    Cost = status == TakeStatus.Ready ? 0.40m : null,
                    RequestedBy = "bench",
                    VideoId = status is TakeStatus.Ready or TakeStatus.InProgress ? $"video_{s}_{i}" : null,
                    CreatedAt = t0.AddSeconds(s * TakesPerShot + i),
                    ParentTakeId = i % 5 == 4 && i > 5 ? takes[i - 4].Id : null,
                    RemixInstruction = i % 5 == 4 && i > 5 ? "Make it night." : null,
                };
                takes.Add(take);
                db.Takes.Add(take);
                // Parents need their ids before a remix can point at them.
                if (i % 5 == 3)
                    await db.SaveChangesAsync();
            }
            await db.SaveChangesAsync();
            foreach (var take in takes.Where(t => t.Status == TakeStatus.Ready))
            {
                foreach (var variant in VideoVariant.All)
                {
                    db.Clips.Add(new Clip
                    {
                        TakeId = take.Id, Variant = variant, RelativePath = $"{take.Id % 256:x2}/{take.Id}-{variant}", Bytes = 1_000_000,
                        Sha256 = new string('a', 64), ContentType = "video/mp4", Width = 1280, Height = 720, DurationSeconds = 4, CreatedAt = t0,
                    });
                }
            }
            await db.SaveChangesAsync();
            _takeId = takes[^1].Id;
            var shot = await db.Shots.FindAsync(shotId);
            shot!.SelectedTakeId = takes[0].Id;
            await db.SaveChangesAsync();
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _studio.DisposeAsync().AsTask();

    [Benchmark]
    public Task<IReadOnlyList<TimelineShot>> Timeline() => _gallery.TimelineAsync(_projectId);

    [Benchmark]
    public Task<TakePage> ProjectTakesFirstPage() => _gallery.ProjectTakesAsync(_projectId);

    [Benchmark]
    public Task<TakePage> ProjectTakesLastPageReadyOnly() => _gallery.ProjectTakesAsync(_projectId, TakeStatus.Ready, page: 62);

    [Benchmark]
    public Task<IReadOnlyList<TakeCard>> TakesOfShot() => _takes.TakesOfShotAsync(_shotId);

    [Benchmark]
    public Task<TakeDetail> TakeDetail() => _gallery.TakeAsync(_takeId);

    [Benchmark]
    public Task<IReadOnlyList<RemixNode>> RemixTree() => _gallery.RemixTreeAsync(_takeId);

    [Benchmark]
    public Task<ProjectActivity> Activity() => _gallery.ActivityAsync(_projectId);
}
