using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The sections of the guide's important examples land in the right fields.</summary>
public class GuideExampleContentTests
{
    private static ShotSpec Parse(string name) => PromptParser.Parse(GuideExamples.Read(name + ".txt"));

    [Fact]
    public void CompleteFivePartExampleFillsEverySection()
    {
        var spec = Parse("guide-0290-full-prompt-using-five-part-structure");

        Assert.StartsWith("1970s romantic drama, shot on 35mm film", spec.Style);
        Assert.EndsWith("film grain and soft vignette for period authenticity.", spec.Style);
        Assert.StartsWith("At golden hour, a brick tenement rooftop", spec.Scene);
        Assert.EndsWith("subway tremors, and distant laughter.", spec.Scene);
        Assert.Equal(new Cinematography
        {
            CameraShot = "medium-wide shot",
            Movement = "slow dolly-in from eye level",
            Lens = "40mm spherical; shallow focus to isolate the couple from skyline",
            Lighting = "golden natural key with tungsten bounce; edge from fairy bulbs",
            Mood = "nostalgic, tender, cinematic",
        }, spec.Cinematography);
        Assert.Equal("Natural ambience only: faint wind, fabric flutter, street noise, muffled music. No added score.", spec.BackgroundSound);
        Assert.True(spec.Ultra.IsEmpty);
    }

    [Fact]
    public void SpokenLinesInterleavedWithActionsStayBeatsInTheirPlace()
    {
        var spec = Parse("guide-0290-full-prompt-using-five-part-structure");

        Assert.Equal(
            [
                "She spins; her dress flares, catching sunlight.",
                "Woman (laughing): \"See? Even the city dances with us tonight.\"",
                "He steps in, catches her hand, and dips her into shadow.",
                "Man (smiling): \"Only because you lead.\"",
                "Sheets drift across frame, briefly veiling the skyline before parting again.",
            ],
            spec.Actions.Select(b => b.Text));
        Assert.Empty(spec.Dialogue);
        Assert.Contains("- Woman (laughing): \"See? Even the city dances with us tonight.\"\n- He steps in,", PromptRenderer.Render(spec));
    }

    [Fact]
    public void UltraDetailedCommuterExampleFillsFormatLensesAndGrade()
    {
        var ultra = Parse("guide-1214-urban-commuter-platform-scene").Ultra;

        Assert.Equal(
            "Duration 4s; 180° shutter; digital capture emulating 65mm photochemical contrast; fine grain; subtle halation on speculars; no gate weave.",
            ultra.FormatAndLook);
        Assert.StartsWith("32mm / 50mm spherical primes; Black Pro-Mist 1/4;", ultra.LensesAndFiltration);
        Assert.Equal(new GradePalette
        {
            Highlights = "clean morning sunlight with amber lift.",
            Mids = "balanced neutrals with slight teal cast in shadows.",
            Blacks = "soft, neutral with mild lift for haze retention.",
        }, ultra.Grade);
        Assert.Equal(5, ultra.LightingAndAtmosphere.Split('\n').Length);
        Assert.StartsWith("Natural sunlight from camera left, low angle (07:30 AM).\nBounce:", ultra.LightingAndAtmosphere);
    }

    [Fact]
    public void UltraDetailedCommuterExampleFillsLocationWardrobeSoundNotesAndFinishing()
    {
        var spec = Parse("guide-1214-urban-commuter-platform-scene");
        var ultra = spec.Ultra;

        Assert.Equal(new LocationFraming
        {
            Setting = "Urban commuter platform, dawn.\nAvoid signage or corporate branding.",
            Foreground = "yellow safety line, coffee cup on bench.",
            Midground = "waiting passengers silhouetted in haze.",
            Background = "arriving train braking to a stop.",
        }, ultra.Location);
        Assert.StartsWith("Main subject: mid-30s traveler", ultra.WardrobePropsExtras);
        Assert.Equal(3, ultra.WardrobePropsExtras.Split('\n').Length);
        Assert.StartsWith("Diegetic only: faint rail screech", ultra.Sound);
        Assert.EndsWith("Footsteps and paper rustle; no score or added foley.", ultra.Sound);
        Assert.StartsWith("Keep eyeline low and close to lens axis for intimacy.\n", ultra.CameraNotes);
        Assert.Equal(4, ultra.CameraNotes.Split('\n').Length);
        Assert.EndsWith("arriving train soft-focus in background haze.", ultra.Finishing);
        Assert.Equal("", spec.Scene);
        Assert.True(spec.Cinematography.IsEmpty);
    }

    [Fact]
    public void UltraDetailedCommuterExampleSplitsTheShotListIntoTimedSegments()
    {
        var shots = Parse("guide-1214-urban-commuter-platform-scene").Ultra.ShotList;

        Assert.Equal(2, shots.Count);
        Assert.Equal(new ShotSegment
        {
            Start = 0,
            End = 2.4,
            Title = "Arrival Drift",
            Lens = "32mm",
            CameraMove = "shoulder-mounted slow dolly left",
            Description = "Camera slides past platform signage edge; shallow focus reveals traveler mid-frame looking down tracks. "
                + "Morning light blooms across lens; train headlights flare softly through mist.",
            Purpose = "establish setting and tone, hint anticipation.",
        }, shots[0]);
        Assert.Equal(new ShotSegment
        {
            Start = 2.4,
            End = 4,
            Title = "Turn and Pause",
            Lens = "50mm",
            CameraMove = "slow arc in",
            Description = "Cut to tighter over-shoulder arc as train halts; traveler turns slightly toward camera, catching sunlight rim "
                + "across cheek and phone screen reflection. Eyes flick up toward something unseen.",
            Purpose = "create human focal moment with minimal motion.",
        }, shots[1]);
    }

    [Fact]
    public void UltraDetailedTemplateKeepsEachPlaceholderInItsSection()
    {
        var spec = Parse("guide-1178-ultra-detailed-prompt-structure");

        Assert.Equal("[Technical specifications: shutter, capture format, grain, halation, etc.]", spec.Ultra.FormatAndLook);
        Assert.Equal("[Highlights, mids, blacks with specific color descriptions]", spec.Ultra.Grade.Notes);
        Assert.Equal("[Foreground, midground, background elements, spatial composition]", spec.Ultra.Location.Setting);
        Assert.Equal("[Technical guidance on why specific choices work]", spec.Ultra.CameraNotes);
        Assert.Empty(spec.Ultra.ShotList);
        Assert.Equal("[Timestamped breakdown of shots with specific purposes]", spec.Scene);
    }

    [Fact]
    public void AudioExampleSeparatesProseDialogueAndBackgroundSound()
    {
        var spec = Parse("guide-0971-full-prompt-with-dialogue-and-sound");

        Assert.StartsWith("A cramped, windowless room", spec.Scene);
        Assert.Equal(
            [
                new DialogueLine("Detective", "You're lying. I can hear it in your silence."),
                new DialogueLine("Suspect", "Or maybe I'm just tired of talking."),
                new DialogueLine("Detective", "Either way, you'll talk before the night's over."),
            ],
            spec.Dialogue);
        Assert.StartsWith("The hum of the overhead light", spec.BackgroundSound);
    }

    [Fact]
    public void CombinedCameraLineSplitsIntoFramingAndMovement()
    {
        var c = Parse("guide-0214-examples").Cinematography;

        Assert.Equal("medium close-up", c.CameraShot);
        Assert.Equal("slow push-in with gentle parallax", c.Movement);
        Assert.Equal("35mm virtual lens; shallow depth of field", c.Lens);
        Assert.Equal("gentle, whimsical, a touch of suspense", c.Mood);
    }

    [Fact]
    public void CameraShotLineKeepsFramingAndAngleTogether()
    {
        var c = Parse("guide-0221-examples").Cinematography;

        Assert.Equal("wide shot, low angle", c.CameraShot);
        Assert.Equal("shallow (sharp on subject, blurred background)", c.DepthOfField);
        Assert.Equal("warm backlight with soft rim", c.Lighting);
    }

    [Fact]
    public void CloseUpWithAngleAndStaticCameraFillsThreeFields()
    {
        var c = Parse("guide-2067-shot-2-detective-close-up").Cinematography;

        Assert.Equal(("close-up", "slight low angle", "static"), (c.CameraShot, c.Angle, c.Movement));
    }

    [Fact]
    public void DialogueWithSpeechVerbKeepsTheVerbAsDelivery()
    {
        var spec = Parse("guide-0886-simple-single-line-dialogue");

        Assert.Equal([new DialogueLine("Robot", "Almost lost it… but I got it!", "says quietly")], spec.Dialogue);
    }

    [Fact]
    public void PaletteAnchorsExampleListsFiveColours()
    {
        var spec = Parse("guide-0688-warm-and-cozy");

        Assert.Equal(["amber", "cream", "walnut brown", "rust", "soft gold"], spec.Cinematography.PaletteAnchors);
    }

    [Fact]
    public void LightingFixExampleKeepsBracketedAnchorAndLongLighting()
    {
        var c = Parse("guide-1525-example-fix").Cinematography;

        Assert.StartsWith("Soft afternoon sunlight streaming through large windows", c.Lighting);
        Assert.EndsWith("Cool ambient light from hallway visible in background.", c.Lighting);
        Assert.Equal(["warm amber", "cream", "soft gold", "cool blue (hallway)"], c.PaletteAnchors);
    }

    [Fact]
    public void MultiShotWorkflowShotCarriesLightingPaletteAndBeats()
    {
        var spec = Parse("guide-1626-step-2-shot-1-wide-establishing");

        Assert.Equal(("wide shot", "eye level", "static"), (spec.Cinematography.CameraShot, spec.Cinematography.Angle, spec.Cinematography.Movement));
        Assert.Equal("golden natural key from camera left with tungsten bounce", spec.Cinematography.Lighting);
        Assert.Equal(["amber", "cream", "rust", "soft gold"], spec.Cinematography.PaletteAnchors);
        Assert.Equal(["Sheets sway gently in the wind", "Fairy lights twinkle", "Cityscape visible in background"], spec.Actions.Select(b => b.Text));
        Assert.Equal("Faint wind, distant city traffic, muffled music", spec.BackgroundSound);
    }

    [Fact]
    public void UseCaseExampleSetsModelSizeAndSecondsFromItsHeaderLines()
    {
        var spec = Parse("guide-1868-day-1-mountain-sunrise");

        Assert.Equal(("sora-2", "720x1280", 8), (spec.Model, spec.Size, spec.Seconds));
        Assert.Equal("Cinematic, inspirational, vertical format optimized for mobile", spec.Style);
        Assert.Equal("wide shot transitioning to medium", spec.Cinematography.CameraShot);
        Assert.Equal("slow push-in", spec.Cinematography.Movement);
        Assert.Equal([new DialogueLine("Voiceover", "Every day is a new beginning.")], spec.Dialogue);
        Assert.DoesNotContain("Model", spec.Scene);
    }

    [Fact]
    public void HeroVideoExampleAsksForTwelveSecondsOfSoraTwoPro()
    {
        var spec = Parse("guide-1942-hero-video-website");

        Assert.Equal(("sora-2-pro", "1280x720", 12), (spec.Model, spec.Size, spec.Seconds));
        Assert.Equal(4, spec.Actions.Count);
    }

    [Fact]
    public void PromptLineBecomesSceneProseWithoutItsQuotes()
    {
        var spec = Parse("guide-1814-step-1-master-version-landscape-for-youtube");

        Assert.Equal(("sora-2-pro", "1280x720", 8), (spec.Model, spec.Size, spec.Seconds));
        Assert.StartsWith("Wide shot of a chef demonstrating a cooking technique", spec.Scene);
        Assert.EndsWith("professional cooking show aesthetic.", spec.Scene);
    }

    [Fact]
    public void ShortGuideExampleIsAllSceneProse()
    {
        var text = GuideExamples.Read("short-guide-0032-example.txt");

        Assert.Equal(ShotSpec.Empty with { Scene = text.TrimEnd('\n') }, PromptParser.Parse(text));
    }

    [Fact]
    public void QuotedStyleExamplesStayProseAsWritten()
    {
        var spec = Parse("guide-1309-examples");

        Assert.Equal("", spec.Style);
        Assert.StartsWith("\"Style: 1970s film\"\n\"Style: Epic, IMAX-scale scene\"", spec.Scene);
    }
}
