namespace SoraStudio.Core.Vocabulary;

public static partial class Vocabulary
{
    /// <summary>The guide's weak → strong wording, used by the vague-wording advice.</summary>
    public static IReadOnlyList<WordingPair> WeakToStrong { get; } =
    [
        new("beautiful street", "wet asphalt, zebra crosswalk, neon signs reflecting in puddles", "setting"),
        new("person in a room", "a young woman sits at a desk in a cozy home office, typing on a laptop", "setting"),
        new("moves quickly", "jogs three steps and stops at the curb", "action"),
        new("walks across the room", "takes four steps to the window, pauses, and pulls the curtain in the final second", "action"),
        new("cinematic look", "anamorphic 2.0x lens, shallow DOF, volumetric light", "look"),
        new("brightly lit room", "soft window light with warm lamp fill, cool rim from hallway", "lighting"),
        new("nice lighting", "soft window light with warm lamp fill, cool rim from hallway", "lighting"),
        new("good lighting", "soft afternoon sunlight through large windows on the left, warm lamp fill from the desk, cool ambient light from the hallway", "lighting"),
        new("camera moves around the subject", "camera slowly orbits clockwise around the subject, completing a 90-degree arc from front to side view over 4 seconds", "camera"),
        new("camera moves", "slow dolly forward", "camera"),
        new("door creaking sound", "as she opens the door, the hinges creak", "sound"),
        new("footsteps", "heavy boot footsteps echoing on marble floor", "sound"),
    ];
}
