using SoraStudio.Core.Prompting;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>Parse(Render(spec)) == spec for hundreds of deterministic random specs.</summary>
public class GeneratedSpecRoundTripTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedSpecsRoundTripThroughRenderAndParse(int seed)
    {
        var specs = new RandomSpecs(seed);
        for (var i = 0; i < 60; i++) PromptLaws.AssertRoundTrips(specs.Next());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedSpecsRenderWellFormedText(int seed)
    {
        var specs = new RandomSpecs(seed);
        for (var i = 0; i < 60; i++) PromptLaws.AssertWellFormed(PromptRenderer.Render(specs.Next()));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AnySpecRendersAllItsWordsAndReadsBackToAFixedPoint(int seed)
    {
        var specs = new MessySpecs(seed);
        for (var i = 0; i < 100; i++)
        {
            var spec = specs.Next();
            var rendered = PromptRenderer.Render(spec);
            PromptLaws.AssertWellFormed(rendered);
            var missing = ContentWords.MissingWords(string.Join("\n", MessySpecs.Texts(spec)), rendered);
            Assert.True(missing.Count == 0, $"Words not rendered: {string.Join(", ", missing)}\n--- rendered:\n{rendered}");
            PromptLaws.AssertRoundTrips(PromptParser.Parse(rendered, spec));
        }
    }

    [Fact]
    public void TheGeneratorCoversEverySection()
    {
        var specs = new RandomSpecs(42);
        var sample = Enumerable.Range(0, 100).Select(_ => specs.Next()).ToList();

        Assert.Contains(sample, s => s.Style.Contains('\n'));
        Assert.Contains(sample, s => s.Scene.Contains("\n\n"));
        Assert.Contains(sample, s => s.Cinematography.PaletteAnchors.Count > 1);
        Assert.Contains(sample, s => s.Actions.Any(b => b.StartSeconds is not null && b.EndSeconds is null));
        Assert.Contains(sample, s => s.Actions.Any(b => b.StartSeconds is null && b.EndSeconds is not null));
        Assert.Contains(sample, s => s.Dialogue.Any(d => d.Delivery.StartsWith("says", StringComparison.Ordinal)));
        Assert.Contains(sample, s => s.Dialogue.Any(d => d.Text.EndsWith('"')));
        Assert.Contains(sample, s => s.Ultra.Grade.Notes.Length > 0 && s.Ultra.Grade.Highlights.Length > 0);
        Assert.Contains(sample, s => s.Ultra.Location.Setting.Contains('\n') && s.Ultra.Location.Background.Length > 0);
        Assert.Contains(sample, s => s.Ultra.ShotList.Any(x => x.Lens.Length == 0 && x.CameraMove.Length > 0));
        Assert.Contains(sample, s => s.Ultra.ShotList.Any(x => x.Description.Length > 0 && x.Purpose.Contains("\n\n")));
    }
}
