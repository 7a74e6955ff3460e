using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Tests.Advice;

/// <summary>The guide's example prompts, from the fixture files another suite keeps under Fixtures/GuideExamples.</summary>
internal static class GuideExample
{
    public static string Text(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "GuideExamples", name + ".txt")).Trim();
        // Some examples are quoted one-liners: "A beautiful street at night".
        return text.Length > 1 && text[0] == '"' && text[^1] == '"' && text.IndexOf('"', 1) == text.Length - 1 ? text[1..^1] : text;
    }

    public static ShotSpec Spec(string name, ShotSpec? baseSpec = null) => PromptParser.Parse(Text(name), baseSpec ?? ShotSpec.Empty);
}
