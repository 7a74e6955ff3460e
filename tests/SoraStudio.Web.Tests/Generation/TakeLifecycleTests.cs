using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

/// <summary>The writes of take status outside the worker's steps, and what the state machine lets through.</summary>
public sealed class TakeLifecycleTests
{
    [Fact]
    public async Task NewTakesEnterTheQueueWhateverStatusTheyCarryAndAreAnnounced()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var lifecycle = studio.Get<TakeLifecycle>();
        var announced = new List<TakeChanged>();
        using var subscription = studio.Get<EventStream<TakeChanged>>().Subscribe(announced.Add);
        var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);

        await using (var db = await studio.DbAsync())
        {
            lifecycle.Enqueue(db, [take]);
            await db.SaveChangesAsync();
        }
        lifecycle.Announce([take]);

        Assert.Equal(TakeStatus.Queued, Assert.Single(await StoredTakes.AllAsync(studio)).Status);
        Assert.Equal((take.Id, TakeStatus.Queued), (Assert.Single(announced).TakeId, announced[0].Status));
    }

    [Fact]
    public async Task AStoredTakeCannotBeQueuedOrImportedAgain()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var lifecycle = studio.Get<TakeLifecycle>();
        await using var db = await studio.DbAsync();
        var take = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);
        lifecycle.AddImported(db, take, TakeStatus.Ready);
        await db.SaveChangesAsync();

        Assert.Throws<InvalidOperationException>(() => lifecycle.Enqueue(db, [take]));
        Assert.Throws<InvalidOperationException>(() => lifecycle.AddImported(db, take, TakeStatus.Failed));
    }

    [Theory]
    [InlineData(TakeStatus.Queued)]
    [InlineData(TakeStatus.Submitting)]
    [InlineData(TakeStatus.InProgress)]
    [InlineData(TakeStatus.Downloading)]
    public async Task AnImportedTakeMustBeFinished(TakeStatus status)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await using var db = await studio.DbAsync();

        var refused = Assert.Throws<InvalidOperationException>(() =>
            studio.Get<TakeLifecycle>().AddImported(db, Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow), status));

        Assert.Contains(status.ToString(), refused.Message);
    }

    [Fact]
    public async Task ATakeSetAsideIsDismissedAsCanceledAndAFinishedOneIsLeftAsItIs()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var lifecycle = studio.Get<TakeLifecycle>();
        await using var db = await studio.DbAsync();
        var setAside = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);
        var ready = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);
        lifecycle.AddImported(db, setAside, TakeStatus.NeedsAttention);
        lifecycle.AddImported(db, ready, TakeStatus.Ready);
        await db.SaveChangesAsync();

        var dismissed = await lifecycle.RequestCancelAsync(db, setAside.Id, CancellationToken.None);
        var untouched = await lifecycle.RequestCancelAsync(db, ready.Id, CancellationToken.None);
        var missing = await lifecycle.RequestCancelAsync(db, 404, CancellationToken.None);

        Assert.Equal(new CancelOutcome(TakeStatus.Canceled, Accepted: true), dismissed);
        Assert.Equal(new CancelOutcome(TakeStatus.Ready, Accepted: false), untouched);
        Assert.Null(missing);
    }
}
