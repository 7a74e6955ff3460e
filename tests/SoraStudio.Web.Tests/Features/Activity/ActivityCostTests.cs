using System.Net.Http.Json;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Activity;

public sealed class ActivityCostTests
{
    [Fact]
    public async Task ThreeVariationsOfAnEightSecondSora2TakeCostTwoDollarsFortyInTheLogAndTheBudget()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec(seconds: 8));

        await studio.Get<GenerationService>().GenerateAsync(shotId, 3);

        var log = await studio.Get<ActivityQueries>().ProjectAsync(projectId);
        var generated = Assert.Single(log.Lines, l => l.Kind == ActivityKind.Generated);
        Assert.Equal(2.40m, generated.Cost);
        Assert.Equal(2.40m, log.TotalCost);
        Assert.Equal(2.40m, await CommittedThroughTheApiAsync(studio, projectId));
    }

    [Fact]
    public async Task TheActivityTotalAgreesWithTheBudgetOnceATakeIsCanceled()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec(seconds: 8));
        var ids = await studio.Get<GenerationService>().GenerateAsync(shotId, 3);

        await studio.Get<GenerationService>().CancelAsync(ids[0]);

        var log = await studio.Get<ActivityQueries>().ProjectAsync(projectId);
        Assert.Equal(1.60m, log.TotalCost);
        Assert.Equal(log.TotalCost, await CommittedThroughTheApiAsync(studio, projectId));
    }

    [Fact]
    public async Task VariationsAreCheckedAgainstTheBudgetTogether()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio, Seed.Spec(seconds: 8), budget: 2.00m);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<GenerationService>().GenerateAsync(shotId, 3));

        Assert.Equal(StudioErrorKind.OverBudget, error.Kind);
        Assert.Contains("$2.40", error.Message);
        Assert.Empty(await StoredTakes.AllAsync(studio));
    }

    private static async Task<decimal> CommittedThroughTheApiAsync(StudioTestHost studio, long projectId)
    {
        using var api = await studio.ApiClientAsync(studio.Tester);
        var budget = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/projects/{projectId}/budget");
        return budget.GetProperty("committed").GetDecimal();
    }
}
