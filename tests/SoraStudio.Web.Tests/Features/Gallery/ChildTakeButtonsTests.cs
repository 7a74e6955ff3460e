using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>What a ready take offers follows its model's capabilities in the catalog: edit or remix, and extend.</summary>
public sealed class ChildTakeButtonsTests : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder, o =>
        {
            // A provider whose sora-2 only has the launch contract's remix; its sora-2-pro keeps the defaults.
            o.Settings["Sora:Models:0:Id"] = "sora-2";
            o.Settings["Sora:Models:0:PricePerSecondBySize:1280x720"] = "0.10";
            o.Settings["Sora:Models:0:Seconds:0"] = "4";
            o.Settings["Sora:Models:0:SupportsEdits"] = "false";
            o.Settings["Sora:Models:0:SupportsExtensions"] = "false";
        });
        Services.AddSingleton(_studio.Get<GenerationService>());
        Services.AddSingleton(_studio.Get<TakeQueries>());
    }

    public new async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        _folder.Dispose();
        await base.DisposeAsync();
    }

    private string[] Offered(string model, bool compact = false)
    {
        var cut = Render<ChildTakeButtons>(p => p.Add(b => b.Card, GalleryComponentTests.Card(7) with { Model = model }).Add(b => b.Compact, compact));
        return [.. cut.FindAll("button").Select(b => b.GetAttribute("aria-label")!)];
    }

    [Fact]
    public void AModelWithEditsAndExtensionsOffersEditAndExtend() =>
        Assert.Equal(["Edit take 7", "Extend take 7"], Offered("sora-2-pro"));

    [Fact]
    public void AModelWithOnlyRemixOffersRemixAndNoExtension() =>
        Assert.Equal(["Remix take 7"], Offered("sora-2", compact: true));

    [Fact]
    public void AModelTheCatalogDoesNotKnowOffersTheLaunchContractsRemixAndLeavesExtensionsToTheProvider() =>
        Assert.Equal(["Remix take 7", "Extend take 7"], Offered("some-gateway-model"));
}
