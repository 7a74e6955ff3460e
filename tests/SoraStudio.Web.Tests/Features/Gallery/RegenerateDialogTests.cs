using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Core.Catalog;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.Features.Compose;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>"Edit the spec and regenerate" against an offline studio's real services (the worker is off).</summary>
public sealed class RegenerateDialogTests : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;
    private long _shotId, _takeId;

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder);
        (_, _shotId) = await Seed.ShotInNewProjectAsync(_studio);
        _takeId = (await _studio.Get<GenerationService>().GenerateAsync(_shotId)).Single();
        Services.AddSingleton(_studio.Get<ShotService>());
        Services.AddSingleton(_studio.Get<GenerationService>());
        Services.AddSingleton(_studio.Services.GetRequiredService<ModelCatalog>());
    }

    public new async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        _folder.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task TheEditedSpecBecomesTheShotsAndASiblingTakeIsQueued()
    {
        await using (var db = await _studio.DbAsync())
        {
            var spec = (await db.Takes.AsNoTracking().SingleAsync(t => t.Id == _takeId)).Spec;
            var cut = Render<RegenerateDialog>(p => p.Add(d => d.TakeId, _takeId).Add(d => d.ShotId, _shotId).Add(d => d.Spec, spec));

            cut.FindByLabelText("Style").Input("16mm black-and-white");
            await Button(cut, "Save and regenerate").ClickAsync(new());
            Assert.Empty(cut.FindAll("[role=alert]"));
        }

        await using var check = await _studio.DbAsync();
        var takes = await check.Takes.AsNoTracking().Where(t => t.ShotId == _shotId).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(2, takes.Count);
        Assert.Equal((null, TakeStatus.Queued, "16mm black-and-white"), (takes[1].ParentTakeId, takes[1].Status, takes[1].Spec.Style));
        Assert.Equal("35 mm film, warm tungsten light", takes[0].Spec.Style);
        Assert.Equal("16mm black-and-white", (await check.Shots.AsNoTracking().SingleAsync(s => s.Id == _shotId)).Spec.Style);
    }
}
