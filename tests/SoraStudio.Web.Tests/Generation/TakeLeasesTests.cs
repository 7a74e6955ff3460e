using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Generation;

public sealed class TakeLeasesTests
{
    [Fact]
    public async Task OfManyWorkersAskingAtOnceExactlyOneGetsTheTake()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var takeId = await QueuedTakeAsync(studio);
        var workers = Enumerable.Range(0, 8).Select(_ => Leases(studio, TimeSpan.FromMinutes(1))).ToList();

        var granted = await Task.WhenAll(workers.Select(w => Task.Run(() => w.TryAcquireAsync(takeId, CancellationToken.None))));

        Assert.Single(granted, g => g);
        var winner = workers[Array.IndexOf(granted, true)];
        await using var db = await studio.DbAsync();
        Assert.Equal(winner.Owner, (await db.Takes.SingleAsync(t => t.Id == takeId)).LeaseOwner);
        foreach (var loser in workers.Where(w => w != winner))
            Assert.False(await loser.RenewAsync(takeId, CancellationToken.None));
    }

    [Fact]
    public async Task ALeaseThatRanOutIsTakenOverAndTheFormerHoldersWriteIsRejected()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var takeId = await QueuedTakeAsync(studio);
        var first = Leases(studio, TimeSpan.FromMilliseconds(200));
        var second = Leases(studio, TimeSpan.FromMinutes(1));
        Assert.True(await first.TryAcquireAsync(takeId, CancellationToken.None));
        await using var stale = await studio.DbAsync();
        var asFirstSawIt = await stale.Takes.SingleAsync(t => t.Id == takeId);

        Assert.False(await second.TryAcquireAsync(takeId, CancellationToken.None));
        await Task.Delay(300);
        Assert.True(await second.TryAcquireAsync(takeId, CancellationToken.None));

        asFirstSawIt.Status = TakeStatus.Canceled;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.False(await first.RenewAsync(takeId, CancellationToken.None));
        await using var db = await studio.DbAsync();
        var take = await db.Takes.SingleAsync(t => t.Id == takeId);
        Assert.Equal((TakeStatus.Queued, second.Owner), (take.Status, take.LeaseOwner));
    }

    private static TakeLeases Leases(StudioTestHost studio, TimeSpan duration) => new(
        studio.Get<IDbContextFactory<StudioDbContext>>(), TimeProvider.System, Options.Create(new GenerationOptions { LeaseDuration = duration }));

    private static async Task<long> QueuedTakeAsync(StudioTestHost studio)
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        return (await studio.Get<SoraStudio.Web.Features.Takes.GenerationService>().GenerateAsync(shotId)).Single();
    }
}
