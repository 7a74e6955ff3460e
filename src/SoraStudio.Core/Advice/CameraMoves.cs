using System.Text.RegularExpressions;

namespace SoraStudio.Core.Advice;

/// <summary>A camera move named in a text: its kind (a term of the guide's camera-movement vocabulary) and where.</summary>
internal readonly record struct CameraMove(string Kind, int Index, int Length);

/// <summary>
/// Finds camera moves by the guide's camera-movement vocabulary (push-in, pull-out, tracking, pan, tilt,
/// handheld, crane/jib, orbit/arc) plus zoom and a plain "dolly". In the camera fields every mention
/// counts; in prose only moves that follow the word "camera" in the same clause, or that can only mean a
/// camera ("dolly", "push-in", "tracking shot", "whip pan"), so that "pulls back the curtain", "tilts her
/// head" or "a pan of eggs" are not taken for camera moves.
/// </summary>
internal static partial class CameraMoves
{
    public const string PushIn = "push-in";
    public const string PullOut = "pull-out";
    public const string Tracking = "tracking";
    public const string Dolly = "dolly";
    public const string Pan = "pan";
    public const string Tilt = "tilt";
    public const string Crane = "crane";
    public const string Orbit = "orbit";
    public const string Zoom = "zoom";
    public const string Handheld = "handheld";

    private static readonly string[] Kinds = [Zoom, PushIn, PullOut, Tracking, Dolly, Pan, Tilt, Crane, Orbit, Handheld];

    /// <summary>Moves in a camera field (framing, movement), where any movement word is meant as one.</summary>
    public static IReadOnlyList<CameraMove> InCameraField(string text) => [.. Classify(Any().Matches(text), 0)];

    /// <summary>Moves in prose (scene, action beats).</summary>
    public static IReadOnlyList<CameraMove> InProse(string text)
    {
        var moves = new List<CameraMove>();
        foreach (Match window in AfterCamera().Matches(text))
        {
            var rest = window.Groups["rest"];
            moves.AddRange(Classify(Any().Matches(rest.Value), rest.Index));
        }
        foreach (Match phrase in Unambiguous().Matches(text))
        {
            if (moves.Any(m => m.Index < phrase.Index + phrase.Length && phrase.Index < m.Index + m.Length)) continue;
            moves.AddRange(Classify(Any().Matches(phrase.Value), phrase.Index));
        }
        moves.Sort((a, b) => a.Index.CompareTo(b.Index));
        return moves;
    }

    /// <summary>The distinct kinds, in order of first mention; a plain "dolly" is dropped when a directed one is named.</summary>
    public static IReadOnlyList<string> DistinctKinds(IEnumerable<string> kinds)
    {
        var distinct = kinds.Distinct().ToList();
        if (distinct.Count > 1 && distinct.Any(k => k is PushIn or PullOut or Tracking))
            distinct.Remove(Dolly);
        return distinct;
    }

    private static IEnumerable<CameraMove> Classify(MatchCollection matches, int offset)
    {
        foreach (Match match in matches)
        {
            var kind = Kinds.First(k => match.Groups[GroupName(k)].Success);
            yield return new(kind, offset + match.Index, match.Length);
        }
    }

    private static string GroupName(string kind) => kind.Replace("-", "");

    [GeneratedRegex("""
        (?<zoom>\b(?:dolly|crash)[\s-]+zoom\w*|\bzoom(?:s|ed|ing)?\b)
        |(?<pushin>\bpush(?:es|ed|ing)?[\s-]+in(?:to|ward)?\b|\bdoll(?:y|ies|ied|ying)[\s-]+(?:in|forward|toward|towards)\b
           |\bpush(?:es|ed|ing)?\s+forward\b|\bmov(?:e|es|ed|ing)\s+(?:slowly\s+|gently\s+)?(?:in|closer|toward|towards|forward)\b
           |\bcreep(?:s|ing)?\s+(?:in|forward)\b)
        |(?<pullout>\bpull(?:s|ed|ing)?[\s-]+(?:back|out|away)\b|\bdoll(?:y|ies|ied|ying)[\s-]+(?:out|back|backward|backwards|away)\b
           |\bmov(?:e|es|ed|ing)\s+(?:slowly\s+|gently\s+)?(?:back|away)\b)
        |(?<tracking>\btrack(?:s|ed|ing)?\b|\bdoll(?:y|ies|ied|ying)[\s-]+(?:left|right|alongside|sideways)\b|\btruck(?:s|ed|ing)?\s+(?:left|right)\b)
        |(?<dolly>\bdoll(?:y|ies|ied|ying)\b)
        |(?<pan>\b(?:whip[\s-]+)?pan(?:s|ned|ning)?\b)
        |(?<tilt>(?<!\bdutch\s)\btilt(?:s|ed|ing)?\b)
        |(?<crane>\bcran(?:e|es|ed|ing)\b|\bjib\b|\bboom(?:s|ed|ing)?\s+(?:up|down)\b|\bpedestal(?:s|ed|ing)?\s+(?:up|down)\b)
        |(?<orbit>\borbit(?:s|ed|ing)?\b|\barc(?:s|ed|ing)?\b|\b(?:rotat(?:e|es|ed|ing|ion)|circl(?:e|es|ed|ing))\s+(?:slowly\s+|gently\s+)?around\b)
        |(?<handheld>\bhand[\s-]?held\b)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Any();

    /// <summary>The rest of the clause after the word "camera".</summary>
    [GeneratedRegex(@"\bcamera\b(?<rest>[^.,;:!?\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterCamera();

    [GeneratedRegex("""
        \bpush-in\b|\bpull-(?:back|out)\b|\bdoll(?:y|ies|ied|ying)(?:[\s-]+(?:in|forward|toward|towards|out|back|backward|away|left|right))?\b
        |\btracking\s+shot\b|\b(?:crane|jib|orbit|arc)\s+shot\b|\bwhip[\s-]+pan\b|\bzoom(?:s|ed|ing)?[\s-]+(?:in|out)\b
        |\bhand[\s-]?held\s+(?:\w+\s+)?camera\b|\b(?:slow|gentle)\s+(?:pan|tilt|zoom|arc|orbit)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Unambiguous();
}
