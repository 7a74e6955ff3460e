using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>
/// The guide's beats and dialogue advice for what an extension adds. The prompt's lines are its beats (a spoken line
/// counts as dialogue), judged against the added seconds rather than the stitched total, by the same rules the
/// composer runs; their "Make it N s" fixes pick another of the lengths the clip may still be extended by.
/// </summary>
public static class ExtensionAdvice
{
    private const string Model = "extension";

    /// <param name="choices">The added lengths allowed (<see cref="ExtensionLimits.Choices"/>): the only fixes offered.</param>
    public static IReadOnlyList<Advice> Advise(string? prompt, int addedSeconds, IReadOnlyList<int> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        // A catalog of one model whose durations are the allowed added lengths: the rules' fixes stay among them.
        var catalog = new ModelCatalog(
        [
            new ModelInfo
            {
                Id = Model,
                DisplayName = "Extension",
                PricePerSecondBySize = new Dictionary<string, decimal>(),
                Seconds = choices.Count > 0 ? choices.Order().ToArray() : [addedSeconds],
            },
        ]);
        var spec = Spec(prompt, addedSeconds);
        IAdviceRule[] rules = [new BeatsPerDurationRule(catalog), new DialogueLengthRule(catalog)];
        return [.. rules.SelectMany(r => r.Check(spec)).OrderByDescending(a => a.Severity)];
    }

    /// <summary>The added seconds as a shot: one beat per non-empty line of the prompt (list bullets dropped).</summary>
    public static ShotSpec Spec(string? prompt, int addedSeconds) => ShotSpec.Empty with
    {
        Model = Model,
        Seconds = addedSeconds,
        Actions = (prompt ?? "").Split('\n')
            .Select(line => Bullet.TryStrip(line.Trim(), out var content) ? content.ToString() : line.Trim())
            .Where(line => line.Length > 0)
            .Select(line => new Beat(line))
            .ToList(),
    };
}
