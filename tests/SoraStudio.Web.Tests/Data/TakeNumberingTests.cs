using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Data;

/// <summary>Takes are numbered per project as they are created ("Take 1" in every project), never reusing a number.</summary>
public sealed class TakeNumberingTests
{
    [Fact]
    public async Task EachProjectsTakesAreNumberedFromOneInTheOrderTheyAreQueued()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (lighthouse, stairs) = await Seed.ShotInNewProjectAsync(studio);
        var (harbour, quay) = await Seed.ShotInNewProjectAsync(studio);
        var generation = studio.Get<GenerationService>();

        var first = await generation.GenerateAsync(stairs, 2);
        var other = await generation.GenerateAsync(quay, 3);
        var then = await generation.GenerateAsync(stairs);

        await using var db = await studio.DbAsync();
        var numbers = await db.Takes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.ProjectId, t.Number));
        Assert.Equal([(lighthouse, 1), (lighthouse, 2), (lighthouse, 3)], first.Concat(then).Select(id => numbers[id]));
        Assert.Equal([(harbour, 1), (harbour, 2), (harbour, 3)], other.Select(id => numbers[id]));
        // The database ids run on across projects; only the numbers start again.
        Assert.Equal(6, then[0]);
    }

    [Fact]
    public async Task ADeletedTakesNumberIsNotGivenAgainAndTheCardsCarryTheNumber()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, first) = await Seed.ShotInNewProjectAsync(studio);
        var second = await Seed.ShotAsync(studio, projectId, title: "Lamp");
        var generation = studio.Get<GenerationService>();
        await generation.GenerateAsync(first);
        foreach (var queued in await generation.GenerateAsync(second, 2))
            await generation.CancelAsync(queued);

        await studio.Get<ShotService>().DeleteAsync(second);
        var next = Assert.Single(await generation.GenerateAsync(first));

        var card = (await studio.Get<TakeQueries>().TakesOfShotAsync(first)).First(c => c.TakeId == next);
        Assert.Equal((4, "Take 4"), (card.Number, card.Name));
    }

    [Fact]
    public async Task TakesAddedStraightToTheDatabaseAreNumberedToo()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var now = DateTimeOffset.UtcNow;

        await using (var db = await studio.DbAsync())
        {
            // Added out of order: numbered in the order they were created.
            db.Takes.AddRange(Rows.Take(projectId, shotId, TakeStatus.Ready, now.AddMinutes(2)), Rows.Take(projectId, shotId, TakeStatus.Ready, now));
            await db.SaveChangesAsync();
        }

        await using var check = await studio.DbAsync();
        Assert.Equal([1, 2], await check.Takes.OrderBy(t => t.CreatedAt).Select(t => t.Number).ToListAsync());
        Assert.Equal(2, await check.Projects.Where(p => p.Id == projectId).Select(p => p.LastTakeNumber).SingleAsync());
    }
}
