namespace SoraStudio.Core.Vocabulary;

/// <summary>
/// The Sora 2 prompting guide's vocabulary as data for the composer's pickers: each term with the guide's
/// description and example wording.
/// </summary>
public static partial class Vocabulary
{
    public static IReadOnlyList<VocabularyTerm> ShotTypes { get; } =
    [
        new("Wide establishing shot", "Establishes location, shows spatial relationships and scale; for openings and location changes.", "wide establishing shot, eye level"),
        new("Wide shot", "The whole subject in its surroundings.", "wide shot, low angle"),
        new("Medium shot", "Balances subject and environment; the standard for dialogue and character interactions.", "medium shot, slight angle from behind"),
        new("Medium close-up", "Focuses on the character while keeping some context; for emotional moments and important dialogue.", "medium close-up shot, slight angle from behind"),
        new("Close-up", "Emphasizes emotion, reveals detail, creates intimacy.", "close-up, shallow depth of field, subject sharp"),
        new("Extreme close-up", "Maximum detail and intense focus on one element; for critical details and heightened tension.", "extreme close-up of hands threading a needle"),
    ];

    public static IReadOnlyList<VocabularyTerm> CameraAngles { get; } =
    [
        new("Eye level", "Neutral, natural perspective; for balanced storytelling and neutral observation.", "wide shot, eye level"),
        new("Low angle", "The subject appears powerful, imposing, heroic; emphasizes power, scale or importance.", "wide shot, low angle looking up at the building"),
        new("High angle", "The subject appears vulnerable, small, overwhelmed; shows isolation or weakness.", "high angle looking down at the character"),
        new("Dutch angle (canted)", "Disorientation, unease, dynamic tension; for psychological tension and action.", "medium shot, canted angle 15 degrees"),
    ];

    public static IReadOnlyList<VocabularyTerm> CameraMovements { get; } =
    [
        new("Static", "The camera remains completely still; stable and focused, lets the subject's action dominate.", "static camera, medium shot of character at desk"),
        new("Slow push-in (dolly in)", "The camera moves slowly toward the subject; builds intimacy and tension.", "slow push-in toward character's face"),
        new("Slow pull-out (dolly out)", "The camera moves slowly away from the subject; reveals context, shows isolation.", "slow pull-out revealing the empty room"),
        new("Tracking shot", "The camera moves laterally alongside the subject; dynamic energy while keeping the framing.", "tracking left to right with the character walking"),
        new("Slow pan", "The camera rotates horizontally on a fixed position; reveals the environment.", "slowly panning across the cityscape"),
        new("Slow tilt", "The camera rotates vertically on a fixed position; reveals scale and height.", "slowly tilting camera up the skyscraper"),
        new("Handheld", "Natural camera shake mimicking human movement; realism, urgency, documentary feel.", "handheld ENG camera following the action"),
        new("Crane/jib", "The camera moves vertically, often revealing scale; epic scope and dramatic reveals.", "crane shot ascending to reveal the landscape"),
        new("Orbit/arc", "The camera circles around the subject; shows it from several angles and gives it emphasis.", "slow arc around the character"),
    ];
}
