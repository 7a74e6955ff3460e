using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using Bible = SoraStudio.Core.StyleBible.StyleBible;
using SoraStudio.Core.Tests.Prompting;
using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Tests.Validation;

public class TextLimitsTests
{
    private static readonly SpecTextValidator Spec = new();
    private static readonly StyleBibleValidator BibleRules = new();

    private static Dictionary<string, string> Errors(ShotSpec spec) =>
        Spec.Validate(spec).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

    [Fact]
    public void OneFieldHoldsAWholePromptAndNotOneCharacterMore()
    {
        Assert.Empty(Errors(ShotSpec.Empty with { Scene = new string('a', TextLimits.Prompt) }));

        var errors = Errors(ShotSpec.Empty with { Scene = new string('a', TextLimits.Prompt + 1) });

        Assert.Equal("At most 32,000 characters; this has 32,001.", errors["scene"]);
    }

    [Fact]
    public void AWholeLengthUltraDetailedPromptImportsWithinTheLimits()
    {
        var guide = GuideExamples.Read("guide-1214-urban-commuter-platform-scene.txt");
        var padding = " Extras drift past in muted tones.";
        var wardrobe = "Props: paper coffee cup, rolling luggage, LED departure board (generic destinations).";
        var prompt = guide.Replace(wardrobe, wardrobe + string.Concat(Enumerable.Repeat(padding, (TextLimits.Prompt - guide.Length) / padding.Length)));
        Assert.InRange(prompt.Length, TextLimits.Prompt - padding.Length, TextLimits.Prompt);

        Assert.Empty(Errors(PromptParser.Parse(prompt)));
        Assert.Empty(Errors(PromptParser.Parse(new string('x', TextLimits.Prompt))));
    }

    [Theory]
    [InlineData("style")]
    [InlineData("actions[1].text")]
    [InlineData("dialogue[0].delivery")]
    [InlineData("ultra.grade.notes")]
    [InlineData("ultra.shotList[0].purpose")]
    public void AControlCharacterIsRefusedWhereverItIs(string path)
    {
        const string nul = "before\0after";
        var spec = ShotSpec.Empty with
        {
            Style = path == "style" ? nul : "35 mm",
            Actions = [new Beat("She looks up."), new Beat(path == "actions[1].text" ? nul : "She smiles.")],
            Dialogue = [new DialogueLine("Ann", "Hello.", path == "dialogue[0].delivery" ? nul : "softly")],
            Ultra = new UltraDetail
            {
                Grade = new GradePalette { Notes = path == "ultra.grade.notes" ? nul : "warm" },
                ShotList = [new ShotSegment { Title = "Arrival", Purpose = path == "ultra.shotList[0].purpose" ? nul : "establish" }],
            },
        };

        Assert.Equal([path], Errors(spec).Keys);
    }

    [Fact]
    public void LineBreaksAndTabsAreProse()
    {
        Assert.Empty(Errors(ShotSpec.Empty with { Scene = "Rain.\r\n\tThunder.", Actions = [new Beat("One\ntwo")] }));
        Assert.Null(TextLimits.CheckProse("a\tb\nc"));
        Assert.NotNull(TextLimits.CheckName("a\nb"));
        Assert.NotNull(TextLimits.CheckName("a\u0085b"));
    }

    [Fact]
    public void AListHoldsAtMostAHundredEntries()
    {
        var beats = Enumerable.Range(0, TextLimits.Items).Select(i => new Beat($"Beat {i}.")).ToList();
        Assert.Empty(Errors(ShotSpec.Empty with { Actions = beats }));

        var errors = Errors(ShotSpec.Empty with { Actions = [.. beats, new Beat("One more.")], Ultra = new UltraDetail { ShotList = [.. Enumerable.Repeat(new ShotSegment(), 101)] } });

        Assert.Equal(["actions", "ultra.shotList"], errors.Keys.Order());
    }

    [Fact]
    public void AReferenceImageNameIsOneLineOfAtMost255Characters()
    {
        var spec = ShotSpec.Empty with { ReferenceImage = new ReferenceImage(new string('a', 256) + ".png", "image/png", 1280, 720) };

        Assert.Equal(["referenceImage.fileName"], Errors(spec).Keys);
    }

    [Fact]
    public void AStyleBibleIsCheckedFieldByField()
    {
        var bible = Bible.Empty with
        {
            Style = new string('s', 1_000_000),
            Setting = "A workshop\u001b[31m",
            Characters = [new BibleCharacter("Max\nPower", "tall"), new BibleCharacter(" ", "no name")],
        };

        var errors = BibleRules.Validate(bible).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        Assert.Equal(["characters", "characters[0].name", "setting", "style"], errors.Keys.Order());
        Assert.Equal("At most 32,000 characters; this has 1,000,000.", errors["style"]);
        Assert.Empty(BibleRules.Validate(Bible.Empty with { Style = "35 mm", Characters = [new BibleCharacter("Max", "tall\nand kind")] }).Errors);
    }
}
