namespace SoraStudio.Core.Prompting;

/// <summary>
/// Splits the guide's combined <c>Camera: medium-wide shot, slow dolly-in from eye level</c> into framing, angle
/// and movement. Each comma-separated part (commas inside brackets do not split) goes to the movement if it names
/// a camera move, else to the angle if it names an angle, else to the framing.
/// </summary>
internal static class CameraLine
{
    // Word stems that name a camera move: "push" covers "push-in", "track" covers "tracking".
    private static readonly string[] MovementStems =
    [
        "push", "pull", "dolly", "dollie", "track", "truck", "tilt", "crane", "jib", "boom", "orbit", "zoom", "rotat",
        "follow", "drift", "glid", "sweep", "circl", "handheld", "steadicam", "gimbal", "whip", "static",
    ];

    private static readonly string[] MovementWords = ["pan", "pans", "panning", "panned", "arc", "arcs", "arcing", "locked", "moving"];

    private static readonly string[] AngleWords =
    [
        "angle", "angles", "angled", "eye", "overhead", "bird", "birds", "worm", "worms", "dutch", "canted", "pov",
    ];

    public static CameraPart Classify(ReadOnlySpan<char> part)
    {
        var angle = false;
        var i = 0;
        while (i < part.Length)
        {
            while (i < part.Length && !char.IsLetter(part[i])) i++;
            var start = i;
            while (i < part.Length && char.IsLetter(part[i])) i++;
            if (i == start) break;
            var word = part[start..i];
            if (IsMovement(word)) return CameraPart.Movement;
            angle |= IsAny(word, AngleWords);
        }
        return angle ? CameraPart.Angle : CameraPart.Shot;
    }

    /// <summary>The end of the next part of <paramref name="text"/> from <paramref name="start"/>: a comma or semicolon outside brackets.</summary>
    public static int NextSeparator(ReadOnlySpan<char> text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    if (depth > 0) depth--;
                    break;
                case ',' or ';' when depth == 0:
                    return i;
            }
        }
        return text.Length;
    }

    private static bool IsMovement(ReadOnlySpan<char> word)
    {
        foreach (var stem in MovementStems)
        {
            if (word.Length >= stem.Length && word[..stem.Length].Equals(stem, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return IsAny(word, MovementWords);
    }

    private static bool IsAny(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
