using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using SoraStudio.TestSupport;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Bench;

/// <summary>
/// Queuing 1,000 takes through <see cref="GenerationService"/> (validation, prompt rendering, budget check and
/// insert, each request its own transaction) on a project with a budget. Target: under 2 s.
/// </summary>
public class EnqueueBenchmark
{
    private const int ShotCount = 100;

    private StudioTestHost _studio = null!;
    private List<long> _shotIds = [];

    [Params(1, 4)]
    public int Variations { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _studio = await BenchStudio.StartAsync();
        (_, _shotIds) = await _studio.ProjectAsync(ShotCount, budget: 1_000_000m);
    }

    [IterationSetup]
    public void DeleteTakes()
    {
        using var db = _studio.DbAsync().GetAwaiter().GetResult();
        db.Database.ExecuteSqlRaw("DELETE FROM Takes");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _studio.DisposeAsync().AsTask();

    [Benchmark]
    public async Task<int> Enqueue1000Takes()
    {
        var generation = _studio.Get<GenerationService>();
        var queued = 0;
        for (var i = 0; queued < 1000; i++)
            queued += (await generation.GenerateAsync(_shotIds[i % ShotCount], Variations, "bench")).Count;
        return queued;
    }
}
