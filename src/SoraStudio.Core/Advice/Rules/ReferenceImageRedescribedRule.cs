using System.Text.RegularExpressions;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The guide's "describe the action, not the image": with a reference image as the first frame, the prompt
/// should say what happens next, not re-describe it ("A woman in a blue jacket stands in a room").
/// Heuristic, on the scene text only: it fires on (1) appearance wording — "wearing", "dressed in",
/// "in a blue jacket", "with red curly hair"; (2) a sentence that introduces a subject with "a"/"an" and a
/// static verb — "A woman … stands/sits/poses"; or (3) two or more descriptive words of the image's file name
/// ("woman-blue-jacket.png") repeated in the scene.
/// </summary>
public sealed partial class ReferenceImageRedescribedRule : IAdviceRule
{
    private static readonly HashSet<string> GenericFileWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "img", "image", "photo", "picture", "pic", "ref", "reference", "frame", "first", "final", "shot", "still",
        "copy", "draft", "edit", "version", "png", "jpg", "jpeg", "webp", "untitled", "screenshot", "input", "the", "and",
    };

    public string Code => "reference-redescribed";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        if (spec.ReferenceImage is null || spec.Scene.Trim().Length == 0) yield break;
        var evidence = Evidence(spec.Scene, spec.ReferenceImage.FileName);
        if (evidence is null) yield break;
        yield return new Advice(Code,
            $"A reference image is attached and the scene re-describes it ({evidence}). The image already sets the first frame: "
            + "describe what happens after it, not what it shows.",
            SpecFields.Scene, AdviceSeverity.Warning);
    }

    private static string? Evidence(string scene, string fileName)
    {
        var appearance = Appearance().Match(scene);
        if (appearance.Success) return $"“{appearance.Value.Trim()}”";
        var introduction = StaticIntroduction().Match(scene);
        if (introduction.Success) return $"“{introduction.Value.Trim()}”";
        var repeated = FileWords(fileName).Where(w => Regex.IsMatch(scene, $@"\b{Regex.Escape(w)}\b", RegexOptions.IgnoreCase)).ToList();
        return repeated.Count >= 2 ? $"the file name's “{string.Join("”, “", repeated)}”" : null;
    }

    private static IEnumerable<string> FileWords(string fileName) =>
        NonLetters().Split(Path.GetFileNameWithoutExtension(fileName))
            .Where(w => w.Length >= 3 && !GenericFileWords.Contains(w))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:wearing|dressed\s+in)\b|\bin\s+an?\s+(?:[\w-]+\s+){0,2}?(?:jacket|coat|dress|shirt|suit|hat|sweater|hoodie|uniform|gown|skirt|jeans|t-shirt|blouse|scarf)\b|\bwith\s+(?:[\w-]+\s+){0,2}?hair\b", Options)]
    private static partial Regex Appearance();

    [GeneratedRegex(@"(?:^|[.!?]\s+)an?\s+(?:[\w-]+\s+){0,6}?(?:stands|sits|is\s+standing|is\s+sitting|is\s+seated|lies|poses|waits)\b", Options)]
    private static partial Regex StaticIntroduction();

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NonLetters();
}
