namespace SoraStudio.Core.Tests.Prompting;

/// <summary>The example prompts of the two guides, copied verbatim into Fixtures/GuideExamples (one code block per file).</summary>
public static class GuideExamples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "GuideExamples");

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Theory data: one row per example, named by its file.</summary>
    public static TheoryData<string> All => new(Names);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>The longest example: the ultra-detailed commuter platform scene.</summary>
    public static string Largest => Names.Select(Read).MaxBy(text => text.Length)!;
}
