using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Insight;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Insight;

/// <summary>
/// A seeded project: shot A (sora-2, 8 s, 3 variations at $0.80: two ready and approved in turn, one moderated) and shot B
/// (sora-2-pro, 4 s, 3 variations at $1.20: one ready at a gateway and approved, one canceled, one still queued).
/// </summary>
public sealed class InsightQueriesTests : IAsyncLifetime
{
    private const string Gateway = "https://gateway.example/v1";
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;
    private long _projectId, _shotA, _shotB;

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder);
        _projectId = await Seed.ProjectAsync(_studio, budget: 50m, name: "Noir");
        _shotA = await Seed.ShotAsync(_studio, _projectId, Seed.Spec(seconds: 8), "Stairs");
        _shotB = await Seed.ShotAsync(_studio, _projectId, Seed.Spec(seconds: 4) with { Model = "sora-2-pro" }, "Lamp");
        var generation = _studio.Get<GenerationService>();
        var a = await generation.GenerateAsync(_shotA, 3);
        var b = await generation.GenerateAsync(_shotB, 3);
        await generation.CancelAsync(b[1]);

        await using (var db = await _studio.DbAsync())
        {
            await Finish(db, a[0], TakeStatus.Ready, VideosProvider.BuiltInEmulator, 0.80m);
            await Finish(db, a[1], TakeStatus.Ready, VideosProvider.BuiltInEmulator, 0.80m);
            await Finish(db, a[2], TakeStatus.Failed, VideosProvider.BuiltInEmulator, 0.80m, FailureClass.Moderation);
            await Finish(db, b[0], TakeStatus.Ready, Gateway, 1.20m);
        }
        var reviews = _studio.Get<ReviewService>();
        await reviews.ApproveAsync(a[0]);
        await reviews.ApproveAsync(a[1]);
        await reviews.ApproveAsync(b[0]);
    }

    private static Task<int> Finish(StudioDbContext db, long takeId, TakeStatus status, string provider, decimal cost, FailureClass? failure = null) =>
        db.Takes.Where(t => t.Id == takeId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, status).SetProperty(t => t.Provider, provider).SetProperty(t => t.Cost, cost)
            .SetProperty(t => t.FailureClass, failure));

    public async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheProjectsFiguresAgreeWithTheActivityLogAndTheBudgetToTheCent()
    {
        var insight = await _studio.Get<InsightQueries>().ProjectAsync(_projectId);
        var log = await _studio.Get<ActivityQueries>().ProjectAsync(_projectId, take: 500);
        using var api = await _studio.ApiClientAsync(_studio.Tester);
        var budget = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_projectId}/budget");

        var project = insight.Project;
        Assert.Equal(6, project.Attempted);
        Assert.Equal(6.00m, project.Requested);
        Assert.Equal(log.Lines.Sum(l => l.Cost ?? 0), project.Requested);
        Assert.Equal(4.00m, project.Committed);
        Assert.Equal(log.TotalCost, project.Committed);
        Assert.Equal(budget.GetProperty("committed").GetDecimal(), project.Committed);
        Assert.Equal(2.80m, project.Paid);
        // Three approvals, but shot A's screen time counts once: 8 s + 4 s.
        Assert.Equal(3, project.Approved);
        Assert.Equal(12, project.ApprovedSeconds);
        Assert.Equal(0.3333m, project.DollarsPerApprovedSecond);
        Assert.Equal(0.5, project.AttemptsPerApprovedSecond);
    }

    [Fact]
    public async Task ShotsModelsAndProvidersEachAddUpToTheProject()
    {
        var insight = await _studio.Get<InsightQueries>().ProjectAsync(_projectId);

        Assert.Equal([(1, "Stairs", 3, 2, 8.0, 1.60m, 1.60m), (2, "Lamp", 3, 1, 4.0, 2.40m, 1.20m)],
            insight.Shots.Select(s => (s.Number, s.Title, s.Figures.Attempted, s.Figures.Approved, s.Figures.ApprovedSeconds, s.Figures.Committed, s.Figures.Paid)));
        Assert.Equal([("sora-2-pro", 2.40m, 0.6m), ("sora-2", 1.60m, 0.2m)],
            insight.ByModel.Select(m => (m.Name, m.Figures.Committed, m.Figures.DollarsPerApprovedSecond!.Value)));
        Assert.Equal([(VideosProvider.BuiltInEmulator, 1.60m), (Gateway, 1.20m), (InsightQueries.NotSubmitted, 1.20m)],
            insight.ByProvider.Select(p => (p.Name, p.Figures.Committed)));
        foreach (var groups in new[] { insight.Shots.Select(s => s.Figures), insight.ByModel.Select(m => m.Figures), insight.ByProvider.Select(p => p.Figures) })
        {
            Assert.Equal(insight.Project.Committed, groups.Sum(f => f.Committed));
            Assert.Equal(insight.Project.Requested, groups.Sum(f => f.Requested));
            Assert.Equal(insight.Project.Paid, groups.Sum(f => f.Paid));
            Assert.Equal(insight.Project.Attempted, groups.Sum(f => f.Attempted));
        }
        Assert.Equal([(VideosProvider.BuiltInEmulator, FailureClass.Moderation, 1)], insight.Failures.Select(f => (f.Provider, f.Class, f.Takes)));
        Assert.Equal(_shotB, insight.CostliestShots(1).Single().ShotId);
        var today = Assert.Single(insight.Days);
        Assert.Equal((6, 4.00m, 3), (today.Attempted, today.Committed, today.Approved));
    }

    [Fact]
    public async Task TheCsvAndTheApiSayTheSame()
    {
        using var api = await _studio.ApiClientAsync(_studio.Tester);

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_projectId}/insight");
        var csv = await api.GetStringAsync($"/api/v1/projects/{_projectId}/insight.csv");

        Assert.Equal(4.00m, json.GetProperty("project").GetProperty("committed").GetDecimal());
        Assert.Equal(0.3333m, json.GetProperty("project").GetProperty("dollarsPerApprovedSecond").GetDecimal());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(InsightCsv.Header, lines[0]);
        Assert.Equal("project,Noir,6,3,12,6.00,4.00,2.80,0.3333,0.5", lines[1]);
        Assert.Equal("shot,1. Stairs,3,2,8,2.40,1.60,1.60,0.2000,0.375", lines[2]);
        Assert.Contains($"provider,{Gateway},1,1,4,1.20,1.20,1.20,0.3000,0.25", lines);
        Assert.Equal(1 + 1 + 2 + 2 + 3, lines.Length);
    }

    [Fact]
    public async Task SomeoneOutsideTheProjectSeesNothing()
    {
        var stranger = await _studio.CreateUserAsync("Stan");
        await using var scope = _studio.ScopeFor(stranger);

        var error = await Assert.ThrowsAsync<StudioException>(() => scope.Get<InsightQueries>().ProjectAsync(_projectId));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void ATitleThatLooksLikeAFormulaIsNotRunByASpreadsheet()
    {
        var insight = new ProjectInsight(1, "=HYPERLINK(\"x\")", YieldFigures.None, [new ShotYield(1, 1, "-2+3, \"quoted\"", YieldFigures.None)], [], [], [], []);

        var lines = InsightCsv.Write(insight).Split("\r\n");

        Assert.Equal("project,\"'=HYPERLINK(\"\"x\"\")\",0,0,0,0.00,0.00,0.00,,", lines[1]);
        Assert.Equal("shot,\"1. -2+3, \"\"quoted\"\"\",0,0,0,0.00,0.00,0.00,,", lines[2]);
    }
}
