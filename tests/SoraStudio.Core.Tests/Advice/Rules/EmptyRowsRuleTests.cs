using SoraStudio.Core.Advice;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice.Rules;

public class EmptyRowsRuleTests
{
    private readonly EmptyRowsRule _rule = new();

    [Fact]
    public void AGuideExampleWithAnEmptyBeatIsWarnedAndTheFixGivesTheExampleBack()
    {
        var example = GuideExample.Spec("guide-0290-full-prompt-using-five-part-structure");
        var spec = example with { Actions = example.Actions.Insert(2, new Beat("")) };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal(AdviceSeverity.Warning, advice.Severity);
        Assert.Equal("actions", advice.Field);
        Assert.Equal("One beat has no action or time and is left out of the prompt.", advice.Message);
        Assert.Equal(example, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void EmptyDialogueLinesAreWarnedOnTheDialogue()
    {
        var example = GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound");
        var spec = example with { Dialogue = example.Dialogue.Add(new DialogueLine("", "")).Add(new DialogueLine(" ", " ")) };

        var advice = AdviceAssert.Single(_rule, spec);

        Assert.Equal("dialogue", advice.Field);
        Assert.Equal("2 dialogue lines have no words or speaker and are left out of the prompt.", advice.Message);
        Assert.Equal(example, AdviceAssert.FixClears(_rule, advice));
    }

    [Fact]
    public void TheGuidesExamplesHaveNoEmptyRows()
    {
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0290-full-prompt-using-five-part-structure"));
        AdviceAssert.None(_rule, GuideExample.Spec("guide-0971-full-prompt-with-dialogue-and-sound"));
    }
}
