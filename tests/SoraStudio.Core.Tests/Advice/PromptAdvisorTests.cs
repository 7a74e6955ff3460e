using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice;

public class PromptAdvisorTests
{
    [Fact]
    public void RuleCodesAreDistinctAndStable()
    {
        var codes = PromptAdvisor.Default.Rules.Select(r => r.Code).Concat(PromptAdvisor.Default.RemixRules.Select(r => r.Code)).ToList();

        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(
            [
                "real-people", "copyrighted-content", "under-18", "beats-per-duration", "dialogue-too-long", "empty-rows", "one-camera-move", "no-camera",
                "reference-redescribed", "no-style", "vague-wording", "palette-anchors", "shorter-clips",
                "remix-empty", "remix-one-change", "remix-anchor",
            ],
            codes);
    }

    [Fact]
    public void WarningsComeBeforeHints()
    {
        var spec = ShotSpec.Empty.WithBeats(4) with { Scene = "A beautiful street at night." };

        var advice = PromptAdvisor.Default.Advise(spec);

        Assert.Equal(advice.OrderByDescending(a => a.Severity), advice);
        Assert.Equal(AdviceSeverity.Warning, advice[0].Severity);
        Assert.Contains(advice, a => a.Code == "vague-wording");
    }

    [Fact]
    public void TheGuidesMultiShotWorkflowShotsAreCleanApartFromBeats()
    {
        foreach (var name in new[] { "guide-1626-step-2-shot-1-wide-establishing", "guide-1649-step-3-shot-2-medium-two-shot" })
        {
            var spec = GuideExample.Spec(name, ShotSpec.Empty with { Seconds = 8 });

            Assert.DoesNotContain(PromptAdvisor.Default.Advise(spec), a => a.Severity == AdviceSeverity.Warning);
            Assert.DoesNotContain(PromptAdvisor.Default.Advise(spec), a => a.Code is "no-style" or "palette-anchors" or "one-camera-move");
        }
    }

    [Fact]
    public void TheGuidesTooComplexMarketShotIsFlagged()
    {
        var spec = GuideExample.Spec("guide-1110-initial-attempt-too-complex") with { Seconds = 8 };

        Assert.Contains(PromptAdvisor.Default.Advise(spec), a => a.Code == "no-style");
    }

    [Fact]
    public void EveryFixOfTheAdvisorClearsItsOwnAdvice()
    {
        ShotSpec[] specs =
        [
            ShotSpec.Empty.WithBeats(4) with { Dialogue = [new("Character", "I've been thinking about what you said yesterday, and I believe you're absolutely right about everything.")] },
            ShotSpec.Empty with { Cinematography = new() { Movement = "dolly in while panning left", Lighting = "nice lighting", PaletteAnchors = ["a", "b", "c", "d", "e", "f"] } },
            ShotSpec.Empty with { Seconds = 8, Actions = [new("Rapid spin")] },
        ];
        foreach (var spec in specs)
        {
            foreach (var advice in PromptAdvisor.Default.Advise(spec).Where(a => a.Fix is not null))
                Assert.DoesNotContain(PromptAdvisor.Default.Advise(advice.Fix!), a => a.Code == advice.Code && a.Field == advice.Field && a.Message == advice.Message);
        }
    }

    [Fact]
    public void ACustomRuleSetRunsOnlyItsRules()
    {
        var advisor = new PromptAdvisor([new NoStyleRule()], []);

        Assert.Equal(["no-style"], advisor.Advise(ShotSpec.Empty).Select(a => a.Code));
        Assert.Empty(advisor.AdviseRemix(""));
    }

    [Fact]
    public void TheCatalogDecidesTheDurationsOfFixes()
    {
        var catalog = new ModelCatalog([Rules.BeatsPerDurationRuleTests.Model("sora-2", 4, 12)]);
        var advice = new PromptAdvisor(catalog).Advise(ShotSpec.Empty.WithBeats(3)).Single(a => a.Code == "beats-per-duration");

        Assert.Equal(12, advice.Fix!.Seconds);
    }

    [Fact]
    public void AdviseRemixRunsTheRemixRules()
    {
        Assert.Equal(["remix-empty"], PromptAdvisor.Default.AdviseRemix("  ").Select(a => a.Code));
        Assert.Equal(["remix-one-change", "remix-anchor"], PromptAdvisor.Default.AdviseRemix("Change the lighting and add rain").Select(a => a.Code));
        Assert.Empty(PromptAdvisor.Default.AdviseRemix("Same shot, switch to 85mm lens"));
    }

    [Fact]
    public void AdviceSerialisesWithTheSeverityAsText()
    {
        var advice = PromptAdvisor.Default.Advise(ShotSpec.Empty).First(a => a.Code == "no-style");

        Assert.Contains("\"severity\":\"Info\"", System.Text.Json.JsonSerializer.Serialize(advice, SpecJson.Options));
    }
}
