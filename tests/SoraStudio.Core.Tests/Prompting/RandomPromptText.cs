using System.Text;

namespace SoraStudio.Core.Tests.Prompting;

/// <summary>
/// Deterministic random prompt-like text: lines of the guide's examples, headers and labels in odd spellings,
/// bullets, dialogue and shot-list lines, Markdown, blank lines, CR LF, control characters and stray quotes,
/// shuffled together. Meant to reach every branch of the parser with input no guide would show.
/// </summary>
public sealed class RandomPromptText(int seed)
{
    private static readonly string[] Fragments =
    [
        "Style:", "STYLE: noir", "**Style:** 1970s film**", "Cinematography:", "cinematography", "Camera:", "Camera: wide shot, slow pan, eye level",
        "Camera shot: close-up", "Angle: low", "Camera movement: static", "Lens: 50mm", "Depth of field: shallow", "Lighting:",
        "Lighting + palette: warm rim", "Palette anchors: amber, cream,, (dark, deep) blue", "Palette:", "Mood: tense",
        "Actions:", "Actions: she spins", "- ", "-", "* star bullet", "• dot bullet", "– en dash bullet", "- (0–2s) beat", "- (at 2s) beat",
        "- (until 3s)", "(1-2s) bare timing", "- [0.5 to 1.5s] not timing", "- [0.5-1.5s] bracketed", "- (2) not timing", "Dialogue:", "Dialog:",
        "- Woman (laughing): \"See?\"", "- Robot says quietly: \"Almost\"", "Man: \"Only because\"", "- A: \"unterminated",
        "- : \"\"", "- (whispering): \"x\"", "- says: \"y\"", "- Man (old) says: \"z\"", "- Robot says (softly): \"w\"",
        "Background Sound:", "Background Sound: rain", "Sound", "## Sound", "Sound:", "Format & Look", "Format and Look:",
        "Lenses & Filtration", "Grade / Palette", "Grade/Palette", "Highlights: amber", "Highlights:", "Mids: teal", "Blacks: soft",
        "Lighting & Atmosphere", "Location & Framing", "Foreground: cup", "Midground: people", "Background: train",
        "Wardrobe / Props / Extras", "Optimized Shot List (2 shots / 4s total)", "Optimized Shot List (for the teaser)",
        "Shot List:", "0.00–2.40 — \"Arrival Drift\" (32mm, slow dolly left)", "2.40-4.00 - \"Turn\" (50mm)", "1–2 commuters",
        "0s-1.5s: \"Title only\"", "3.0–4.0 — (, move only)", "5–6 — \"unterminated", "Purpose: establish", "text. Purpose: mid-line",
        "Camera Notes (Why It Reads)", "Camera Notes (Important)", "Camera Notes (Why It Reads): keep low", "Finishing", "Finishing: grain",
        "Model: sora-2-pro", "Model: a great one", "Size: 720x1280", "Size: huge", "Seconds: 8", "Seconds: 0", "Seconds: 99999",
        "Prompt: \"Quoted prompt text\"", "Prompt: unquoted", "\"Style: quoted style\"", "Actions: Dialogue: x", "Cinematography: Camera: wide",
        "Style: Actions:", "\"", "\"\"", ":", "::", "(", ")", "[", "—", "**", "#", "###", "__Actions__", "**Camera Notes**", "> quote",
        "Purpose:", "purpose : spaced", "1.", "99999999999999999999–1", "0.00001–1", "1E-05–2",
    ];

    private static readonly string[] Words = ["rain", "falls", "the", "neon", "a", "35mm", "shot", "says", "(x", "y)", "\"q\"", "é", "🎬", ":", "—", "2.4"];

    private readonly Random _random = new(seed);
    private readonly string[] _guideLines = GuideExamples.Names.SelectMany(n => GuideExamples.Read(n).Split('\n')).ToArray();

    public string Next(int lines)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            switch (_random.Next(10))
            {
                case 0 or 1 or 2:
                    sb.Append(_guideLines[_random.Next(_guideLines.Length)]);
                    break;
                case 3 or 4 or 5:
                    sb.Append(Fragments[_random.Next(Fragments.Length)]);
                    if (_random.Next(3) == 0) AppendWords(sb);
                    break;
                case 6:
                    AppendWords(sb);
                    break;
                case 7:
                    for (var n = _random.Next(1, 12); n > 0; n--) sb.Append((char)_random.Next(0, 0x3000));
                    break;
                default:
                    break;
            }
            sb.Append(_random.Next(8) switch { 0 => "\r\n", 1 => "\r", 2 => "  \t\n", _ => "\n" });
        }
        return sb.ToString();
    }

    private void AppendWords(StringBuilder sb)
    {
        for (var n = _random.Next(1, 8); n > 0; n--) sb.Append(' ').Append(Words[_random.Next(Words.Length)]);
    }
}
