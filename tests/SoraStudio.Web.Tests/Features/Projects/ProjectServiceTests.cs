using SoraStudio.Core.StyleBible;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Projects;

public sealed class ProjectServiceTests
{
    [Fact]
    public async Task AProjectIsCreatedListedAndUpdated()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projects = studio.Get<ProjectService>();

        var bible = StyleBible.Empty with { Style = "35 mm film", Characters = [new BibleCharacter("Mara", "a keeper in a yellow oilskin")] };
        var id = await projects.CreateAsync(new ProjectInput("  Lighthouse  ", "A short film", "sora-2-pro", "1792x1024", 25m, bible));
        await projects.CreateAsync(new ProjectInput("Harbour"));
        await projects.UpdateAsync(id, new ProjectInput("Lighthouse", "A short film, cut", "sora-2-pro", "1792x1024", 30m, bible));

        var project = await projects.GetAsync(id);
        Assert.Equal(("Lighthouse", "A short film, cut", "sora-2-pro", "1792x1024", 30m), (project.Name, project.Description, project.DefaultModel, project.DefaultSize, project.Budget));
        Assert.Equal(bible, project.StyleBible);
        Assert.Equal(["Harbour", "Lighthouse"], (await projects.ListAsync()).Select(p => p.Name));
        Assert.Equal(new BudgetStatus(30m, 0m, 30m), await projects.GetBudgetAsync(id));
    }

    [Fact]
    public async Task TheBudgetIsSetChangedAndRemovedAloneAndEachChangeIsLogged()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projects = studio.Get<ProjectService>();
        var bible = StyleBible.Empty with { Style = "35 mm film" };
        var id = await projects.CreateAsync(new ProjectInput("Lighthouse", "A short film", StyleBible: bible));

        await projects.SetBudgetAsync(id, 25m);
        await projects.SetBudgetAsync(id, 25m);
        await projects.SetBudgetAsync(id, 40.5m);
        var negative = await Assert.ThrowsAsync<StudioException>(() => projects.SetBudgetAsync(id, -1m));
        var huge = await Assert.ThrowsAsync<StudioException>(() => projects.SetBudgetAsync(id, ProjectInputValidator.MaxBudget + 1));
        var set = await projects.GetAsync(id);
        await projects.SetBudgetAsync(id, null);

        Assert.Equal(40.5m, set.Budget);
        Assert.Equal(("A short film", bible), (set.Description, set.StyleBible));
        Assert.Equal(["A budget cannot be negative."], negative.Errors["budget"]);
        Assert.Equal(["A budget is at most 100,000,000 USD."], huge.Errors["budget"]);
        Assert.Null((await projects.GetAsync(id)).Budget);
        var log = (await studio.Get<ActivityQueries>().ProjectAsync(id)).Lines.Select(l => l.Summary).ToList();
        Assert.Equal(["removed the budget", "set the budget to $40.50", "set the budget to $25.00", "created the project “Lighthouse”"], log);
    }

    [Fact]
    public async Task InvalidInputIsRefusedFieldByFieldAndNothingIsSaved()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projects = studio.Get<ProjectService>();

        var error = await Assert.ThrowsAsync<StudioException>(() =>
            projects.CreateAsync(new ProjectInput(" ", DefaultModel: "sora-9", Budget: -1m, StyleBible: StyleBible.Empty with { Characters = [new BibleCharacter(" ", "no name")] })));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Equal(["budget", "defaultModel", "name", "styleBible.characters"], error.Errors.Keys.Order());
        Assert.Empty(await projects.ListAsync());
    }

    [Fact]
    public async Task ASizeTheDefaultModelDoesNotOfferIsRefused()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() =>
            studio.Get<ProjectService>().CreateAsync(new ProjectInput("Lighthouse", DefaultModel: "sora-2", DefaultSize: "1792x1024")));

        Assert.Contains("defaultSize", error.Errors.Keys);
    }

    [Fact]
    public async Task AnUnknownProjectIsNotFound()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ProjectService>().GetAsync(42));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task AProjectWithTakesStillGeneratingCannotBeDeleted()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await studio.Get<GenerationService>().GenerateAsync(shotId);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<ProjectService>().DeleteAsync(projectId));

        Assert.Equal(StudioErrorKind.Conflict, error.Kind);
        Assert.Single(await studio.Get<ProjectService>().ListAsync());
    }
}
