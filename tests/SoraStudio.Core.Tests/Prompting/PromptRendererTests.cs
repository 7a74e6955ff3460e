using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The exact text the renderer writes.</summary>
public class PromptRendererTests
{
    private static readonly ShotSpec FivePart = ShotSpec.Empty with
    {
        Style = "1970s romantic drama, shot on 35mm film",
        Scene = "At golden hour, a rooftop becomes a stage.\nSheets sway in the wind.\n\nBelow, the city hums.",
        Cinematography = new()
        {
            CameraShot = "medium-wide shot",
            Angle = "eye level",
            Movement = "slow dolly-in",
            Lens = "40mm spherical",
            DepthOfField = "shallow",
            Lighting = "golden natural key\nedge from fairy bulbs",
            PaletteAnchors = ["amber", "cream", "walnut brown"],
            Mood = "nostalgic, tender",
        },
        Actions = [new("She spins.", 0, 2), new("He steps in.", 2.5), new("They sway.", null, 4), new("Sheets drift.")],
        Dialogue = [new("Woman", "See?", "laughing"), new("Robot", "Almost lost it… but I got it!", "says quietly"), new("Man", "Only because you lead.")],
        BackgroundSound = "Faint wind, fabric flutter.",
    };

    [Fact]
    public void RendersTheFivePartLayout()
    {
        Assert.Equal(
            """
            Style: 1970s romantic drama, shot on 35mm film

            At golden hour, a rooftop becomes a stage.
            Sheets sway in the wind.

            Below, the city hums.

            Cinematography:
            Camera shot: medium-wide shot
            Angle: eye level
            Camera movement: slow dolly-in
            Lens: 40mm spherical
            Depth of field: shallow
            Lighting: golden natural key
            edge from fairy bulbs
            Palette anchors: amber, cream, walnut brown
            Mood: nostalgic, tender

            Actions:
            - (0–2s) She spins.
            - (at 2.5s) He steps in.
            - (until 4s) They sway.
            - Sheets drift.

            Dialogue:
            - Woman (laughing): "See?"
            - Robot says quietly: "Almost lost it… but I got it!"
            - Man: "Only because you lead."

            Background Sound:
            Faint wind, fabric flutter.
            """.ReplaceLineEndings("\n"),
            PromptRenderer.Render(FivePart));
    }

    [Fact]
    public void RendersTheUltraDetailedLayoutAfterTheFivePart()
    {
        var spec = ShotSpec.Empty with
        {
            Style = "65mm photochemical",
            Ultra = new()
            {
                FormatAndLook = "Duration 4s; 180° shutter.",
                LensesAndFiltration = "32mm / 50mm spherical primes.",
                Grade = new() { Highlights = "amber lift.", Mids = "neutral.", Blacks = "soft.", Notes = "Warm-cool split." },
                LightingAndAtmosphere = "Sun from camera left.\nAtmos: mist.",
                Location = new() { Setting = "Commuter platform, dawn.\nAvoid signage.", Foreground = "safety line.", Midground = "passengers.", Background = "train." },
                WardrobePropsExtras = "Navy coat.",
                Sound = "Diegetic only.",
                ShotList =
                [
                    new() { Start = 0, End = 2.4, Title = "Arrival Drift", Lens = "32mm", CameraMove = "slow dolly left", Description = "Camera slides past.", Purpose = "establish setting." },
                    new() { Start = 2.4, End = 4, Lens = "50mm" },
                ],
                CameraNotes = "Keep eyeline low.",
                Finishing = "Fine grain.",
            },
        };

        Assert.Equal(
            """
            Style: 65mm photochemical

            Format & Look
            Duration 4s; 180° shutter.

            Lenses & Filtration
            32mm / 50mm spherical primes.

            Grade / Palette
            Highlights: amber lift.
            Mids: neutral.
            Blacks: soft.
            Warm-cool split.

            Lighting & Atmosphere
            Sun from camera left.
            Atmos: mist.

            Location & Framing
            Commuter platform, dawn.
            Foreground: safety line.
            Midground: passengers.
            Background: train.
            Avoid signage.

            Wardrobe / Props / Extras
            Navy coat.

            Sound
            Diegetic only.

            Optimized Shot List (2 shots / 4s total)

            0.00–2.40 — "Arrival Drift" (32mm, slow dolly left)
            Camera slides past.
            Purpose: establish setting.

            2.40–4.00 — (50mm)

            Camera Notes (Why It Reads)
            Keep eyeline low.

            Finishing
            Fine grain.
            """.ReplaceLineEndings("\n"),
            PromptRenderer.Render(spec));
    }

    [Fact]
    public void EmptySpecRendersNothing()
    {
        Assert.Equal("", PromptRenderer.Render(ShotSpec.Empty));
    }

    [Fact]
    public void EmptySectionsAreLeftOut()
    {
        var spec = ShotSpec.Empty with
        {
            Scene = "A quiet room.",
            Cinematography = new() { Lens = "  ", PaletteAnchors = ["", " "] },
            BackgroundSound = "Faint clock ticking",
        };

        Assert.Equal("A quiet room.\n\nBackground Sound:\nFaint clock ticking", PromptRenderer.Render(spec));
    }

    [Fact]
    public void GenerationParametersAreNotPartOfThePromptText()
    {
        var spec = ShotSpec.Empty with { Model = "sora-2-pro", Size = "1792x1024", Seconds = 12, Scene = "A watch." };

        Assert.Equal("A watch.", PromptRenderer.Render(spec));
    }

    [Fact]
    public void MessyFieldTextIsWrittenTrimmedWithLineFeedsOnly()
    {
        var spec = ShotSpec.Empty with
        {
            Style = "  noir \r\n\r\n  high contrast  ",
            Scene = "\r\n  First line.  \r\n\r\n\r\n\r\nSecond line.\t\r\n",
            Dialogue = [new("  Detective\n", "  You're\nlying.  ", " tired \r\n")],
            Ultra = new() { ShotList = [new() { Start = 0, End = 1, Title = "Two\nlines" }] },
        };

        var rendered = PromptRenderer.Render(spec);

        PromptLaws.AssertWellFormed(rendered);
        Assert.StartsWith("Style: noir\nhigh contrast\n\nFirst line.\n\nSecond line.\n\nDialogue:\n- Detective (tired): \"You're lying.\"\n", rendered);
        Assert.Contains("0.00–1.00 — \"Two lines\"", rendered);
    }

    [Fact]
    public void EmptyBeatsAreLeftOutAndASectionOfOnlyThoseWithThem()
    {
        Assert.Equal("Rain.", PromptRenderer.Render(ShotSpec.Empty with { Scene = "Rain.", Actions = [new(""), new("  ")] }));
    }

    [Fact]
    public void ABeatWithATimeButNoTextStillShowsItsBullet()
    {
        var spec = ShotSpec.Empty with { Actions = [new(""), new("", 1, 2)] };

        Assert.Equal("Actions:\n- (1–2s)", PromptRenderer.Render(spec));
        Assert.Equal(spec with { Actions = [new("", 1, 2)] }, PromptParser.Parse(PromptRenderer.Render(spec)));
    }

    [Fact]
    public void DialogueWithoutSpeakerKeepsItsDeliveryAndQuotesAndALineWithoutWordsIsLeftOut()
    {
        var spec = ShotSpec.Empty with { Dialogue = [new("", "Nobody speaks.", "whispering"), new("", "")] };

        Assert.Equal("Dialogue:\n- (whispering): \"Nobody speaks.\"", PromptRenderer.Render(spec));
    }

    [Theory]
    [InlineData("guide-0971-full-prompt-with-dialogue-and-sound.txt")]
    [InlineData("guide-0290-full-prompt-using-five-part-structure.txt")]
    public void EmptyBeatsAndDialogueLinesAddedToAGuideExampleLeaveItsPromptUnchanged(string example)
    {
        var spec = PromptParser.Parse(GuideExamples.Read(example));
        var withEmptyRows = spec with
        {
            Actions = spec.Actions.Insert(0, new Beat("")).Add(new Beat(" ")),
            Dialogue = spec.Dialogue.Add(new DialogueLine("", "")).Insert(0, new DialogueLine("", " ")),
        };

        var rendered = PromptRenderer.Render(withEmptyRows);

        Assert.Equal(PromptRenderer.Render(spec), rendered);
        Assert.DoesNotContain("\n-\n", rendered + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("- : \"\"", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ShotWithOnlyAMoveKeepsTheEmptyLensBeforeTheComma()
    {
        var spec = ShotSpec.Empty with { Ultra = new() { ShotList = [new() { Start = 1.25, End = 3, CameraMove = "static" }] } };

        Assert.Equal("Optimized Shot List (1 shot / 3s total)\n\n1.25–3.00 — (, static)", PromptRenderer.Render(spec));
    }

    [Fact]
    public void SettingLineThatLooksLikeALabelGoesAfterTheLabels()
    {
        var spec = ShotSpec.Empty with { Ultra = new() { Location = new() { Setting = "Foreground: a second one", Foreground = "cup" } } };

        Assert.Equal("Location & Framing\nForeground: cup\nForeground: a second one", PromptRenderer.Render(spec));
        Assert.Equal(spec, PromptParser.Parse(PromptRenderer.Render(spec)));
    }

    [Fact]
    public void RenderingIsDeterministic()
    {
        var first = PromptRenderer.Render(FivePart);

        Assert.Equal(first, PromptRenderer.Render(FivePart with { }));
        Assert.Equal(first, PromptRenderer.Render(SpecJson.Deserialize(SpecJson.Serialize(FivePart))));
    }

    [Fact]
    public void RenderingTheLargestGuideExampleAllocatesLittleMoreThanItsText()
    {
        var spec = PromptParser.Parse(GuideExamples.Largest);
        var expected = PromptRenderer.Render(spec);
        for (var i = 0; i < 20; i++) PromptRenderer.Render(spec);

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int runs = 100;
        for (var i = 0; i < runs; i++) PromptRenderer.Render(spec);
        var perRender = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;

        // The result string is 2 bytes per char; the rest of the 64 KB budget belongs to validation and advice.
        Assert.InRange(perRender, 0, expected.Length * 2 + 1024);
    }
}
