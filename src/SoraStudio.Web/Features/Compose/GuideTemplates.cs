namespace SoraStudio.Web.Features.Compose;

/// <summary>An example prompt from the Sora 2 prompting guide, verbatim, to start a shot from.</summary>
public sealed record GuideTemplate(string Key, string Title, string Description, string Text);

/// <summary>
/// A handful of the guide's example prompts, copied verbatim (seeds/000: "Complete Example", "Simplified Prompt
/// Example", "Complete Ultra-Detailed Example", and two of its use cases). Core has no such list yet.
/// </summary>
public static class GuideTemplates
{
    public static IReadOnlyList<GuideTemplate> All { get; } =
    [
        new("complete", "Rooftop dance (complete example)", "The guide's complete five-part example: style, scene, cinematography, actions with spoken lines, background sound.",
            """
            Style: 1970s romantic drama, shot on 35mm film with natural flares, soft focus, and warm halation. Slight gate weave and handheld micro-shake evoke vintage intimacy. Warm Kodak-inspired grade; light halation on bulbs; film grain and soft vignette for period authenticity.

            At golden hour, a brick tenement rooftop transforms into a small stage. Laundry lines strung with white sheets sway in the wind, catching the last rays of sunlight. Strings of mismatched fairy bulbs hum faintly overhead. A young woman in a flowing red silk dress dances barefoot, curls glowing in the fading light. Her partner — sleeves rolled, suspenders loose — claps along, his smile wide and unguarded. Below, the city hums with car horns, subway tremors, and distant laughter.

            Cinematography:
            Camera: medium-wide shot, slow dolly-in from eye level
            Lens: 40mm spherical; shallow focus to isolate the couple from skyline
            Lighting: golden natural key with tungsten bounce; edge from fairy bulbs
            Mood: nostalgic, tender, cinematic

            Actions:
            - She spins; her dress flares, catching sunlight.
            - Woman (laughing): "See? Even the city dances with us tonight."
            - He steps in, catches her hand, and dips her into shadow.
            - Man (smiling): "Only because you lead."
            - Sheets drift across frame, briefly veiling the skyline before parting again.

            Background Sound:
            Natural ambience only: faint wind, fabric flutter, street noise, muffled music. No added score.
            """),
        new("simplified", "Documentary interview (simplified example)", "One sentence that leaves lighting, set and wardrobe to the model: for rapid iteration.",
            """
            In a 90s documentary-style interview, an old Swedish man sits in a study and says, "I still remember when I was young."
            """),
        new("commuter", "Commuter platform (ultra-detailed)", "The guide's ultra-detailed brief: format, lenses, grade, lighting, location, wardrobe, sound and a timed shot list.",
            """
            Format & Look
            Duration 4s; 180° shutter; digital capture emulating 65mm photochemical contrast; fine grain; subtle halation on speculars; no gate weave.

            Lenses & Filtration
            32mm / 50mm spherical primes; Black Pro-Mist 1/4; slight CPL rotation to manage glass reflections on train windows.

            Grade / Palette
            Highlights: clean morning sunlight with amber lift.
            Mids: balanced neutrals with slight teal cast in shadows.
            Blacks: soft, neutral with mild lift for haze retention.

            Lighting & Atmosphere
            Natural sunlight from camera left, low angle (07:30 AM).
            Bounce: 4×4 ultrabounce silver from trackside.
            Negative fill from opposite wall.
            Practical: sodium platform lights on dim fade.
            Atmos: gentle mist; train exhaust drift through light beam.

            Location & Framing
            Urban commuter platform, dawn.
            Foreground: yellow safety line, coffee cup on bench.
            Midground: waiting passengers silhouetted in haze.
            Background: arriving train braking to a stop.
            Avoid signage or corporate branding.

            Wardrobe / Props / Extras
            Main subject: mid-30s traveler, navy coat, backpack slung on one shoulder, holding phone loosely at side.
            Extras: commuters in muted tones; one cyclist pushing bike.
            Props: paper coffee cup, rolling luggage, LED departure board (generic destinations).

            Sound
            Diegetic only: faint rail screech, train brakes hiss, distant announcement muffled (-20 LUFS), low ambient hum.
            Footsteps and paper rustle; no score or added foley.

            Optimized Shot List (2 shots / 4s total)

            0.00–2.40 — "Arrival Drift" (32mm, shoulder-mounted slow dolly left)
            Camera slides past platform signage edge; shallow focus reveals traveler mid-frame looking down tracks. Morning light blooms across lens; train headlights flare softly through mist. Purpose: establish setting and tone, hint anticipation.

            2.40–4.00 — "Turn and Pause" (50mm, slow arc in)
            Cut to tighter over-shoulder arc as train halts; traveler turns slightly toward camera, catching sunlight rim across cheek and phone screen reflection. Eyes flick up toward something unseen. Purpose: create human focal moment with minimal motion.

            Camera Notes (Why It Reads)
            Keep eyeline low and close to lens axis for intimacy.
            Allow micro flares from train glass as aesthetic texture.
            Preserve subtle handheld imperfection for realism.
            Do not break silhouette clarity with overexposed flare; retain skin highlight roll-off.

            Finishing
            Fine-grain overlay with mild chroma noise for realism; restrained halation on practicals; warm-cool LUT for morning split tone.
            Mix: prioritize train and ambient detail over footstep transients.
            Poster frame: traveler mid-turn, golden rim light, arriving train soft-focus in background haze.
            """),
        new("sunrise", "Mountain sunrise (social, vertical)", "A daily motivational reel: 8 s, portrait, one slow push-in, a voiceover line.",
            """
            Model: sora-2
            Size: 720x1280
            Seconds: 8

            Style: Cinematic, inspirational, vertical format optimized for mobile

            Wide shot of a lone figure standing on a mountain peak at sunrise, arms raised in triumph. Camera slowly pushes in as golden sunlight breaks over the horizon, illuminating the figure.

            Cinematography:
            Camera: wide shot transitioning to medium, slow push-in
            Mood: epic, inspiring, hopeful

            Actions:
            - Figure stands still for 2 seconds
            - Raises arms slowly over 2 seconds
            - Holds triumphant pose as sunlight breaks

            Dialogue:
            - Voiceover: "Every day is a new beginning."

            Background Sound:
            Gentle wind, distant birds, inspirational ambient music
            """),
        new("detective", "Detective close-up (film noir)", "A noir close-up from the short-film sequence: 85mm, venetian blind shadows, one line of dialogue.",
            """
            Model: sora-2-pro
            Size: 1280x720
            Seconds: 8

            Style: 1940s film noir, 35mm film, high contrast black and white

            Close-up of the detective's face, venetian blind shadows across his features. He looks up with weary, suspicious expression.

            Cinematography:
            Camera: close-up, slight low angle, static
            Lens: 85mm, shallow depth of field
            Lighting: Harsh side light from desk lamp, venetian blind shadows, high contrast
            Mood: weary, suspicious, noir

            Actions:
            - Detective looks down at papers for 2 seconds
            - Looks up slowly toward the woman
            - Slight narrowing of eyes, suspicious

            Dialogue:
            - Detective: "Of all the offices in this town, you had to walk into mine."

            Background Sound:
            Quiet tension, distant rain
            """),
    ];
}
