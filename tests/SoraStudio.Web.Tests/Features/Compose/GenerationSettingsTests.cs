using SoraStudio.Core.Catalog;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

public class GenerationSettingsTests : ComposeTestContext
{
    static readonly ModelCatalog Catalog = ModelCatalog.Default;

    IRenderedComponent<GenerationSettingsSection> Section(GenerationSettings value, Action<GenerationSettings> changed) =>
        Render<GenerationSettingsSection>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, changed).Add(s => s.Catalog, Catalog));

    static string[] Options(IRenderedComponent<GenerationSettingsSection> cut, string groupLabelId) =>
        [.. cut.Find($"[aria-labelledby='{groupLabelId}']").QuerySelectorAll(".rz-button-text").Select(b => b.TextContent.Trim())];

    [Fact]
    public void Sora2OffersOnlyItsLandscapeSizeAndItsDurationsWithPrices()
    {
        var cut = Section(new("sora-2", "1280x720", 4), _ => { });

        Assert.Equal(["1280x720 · $0.10/s"], Options(cut, "size-label"));
        Assert.Equal(["4 s · $0.40", "8 s · $0.80", "12 s · $1.20", "16 s · $1.60", "20 s · $2.00"], Options(cut, "seconds-label"));
    }

    [Fact]
    public void SwitchingToProOffersItsLargerSize()
    {
        var value = new GenerationSettings("sora-2", "1280x720", 8);
        var cut = Section(value, v => value = v);

        cut.FindAll(".rz-dropdown-item").Single(i => i.TextContent.Trim() == "Sora 2 Pro").Click();
        cut.Render(p => p.Add(s => s.Value, value));

        Assert.Equal(new GenerationSettings("sora-2-pro", "1280x720", 8), value);
        Assert.Equal(["1280x720 · $0.30/s", "1792x1024 · $0.50/s", "1920x1080 · $0.70/s"], Options(cut, "size-label"));
    }

    [Fact]
    public void SwitchingBackFromAProOnlySizeCoercesToOneTheModelAllows()
    {
        var value = new GenerationSettings("sora-2-pro", "1024x1792", 12);
        var cut = Section(value, v => value = v);

        cut.FindAll(".rz-dropdown-item").Single(i => i.TextContent.Trim() == "Sora 2").Click();

        Assert.Equal(new GenerationSettings("sora-2", "720x1280", 12), value);
    }

    [Fact]
    public void ThePortraitSwitchTurnsTheFrame()
    {
        var value = new GenerationSettings("sora-2-pro", "1792x1024", 4);
        var cut = Section(value, v => value = v);

        cut.Find("[aria-labelledby='orientation-label']").QuerySelector("[role=radio][aria-label=Portrait]")!.Click();

        Assert.Equal(new GenerationSettings("sora-2-pro", "1024x1792", 4), value);
    }

    [Fact]
    public void ADurationTheNewModelLacksBecomesTheClosestItHas()
    {
        var catalog = new ModelCatalog([.. Catalog.Models, Catalog.Models[0] with { Id = "short", DisplayName = "Short", Seconds = [4, 6] }]);

        var settings = new GenerationSettings("sora-2", "1280x720", 12).WithModel(catalog.Find("short")!);

        Assert.Equal(new GenerationSettings("short", "1280x720", 6), settings);
    }
}
