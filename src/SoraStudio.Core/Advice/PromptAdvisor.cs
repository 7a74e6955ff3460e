using SoraStudio.Core.Advice.Remix;
using SoraStudio.Core.Advice.Rules;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>
/// Runs the guide's advice rules over a shot or a remix instruction. Stateless and thread-safe; use
/// <see cref="Default"/> unless the model catalog is configured.
/// </summary>
public sealed class PromptAdvisor
{
    public PromptAdvisor(IEnumerable<IAdviceRule> rules, IEnumerable<IRemixAdviceRule> remixRules)
    {
        Rules = [.. rules];
        RemixRules = [.. remixRules];
    }

    /// <summary>The default rules, with durations taken from <paramref name="catalog"/>.</summary>
    public PromptAdvisor(ModelCatalog catalog) : this(DefaultRules(catalog), DefaultRemixRules()) { }

    public static PromptAdvisor Default { get; } = new(ModelCatalog.Default);

    public IReadOnlyList<IAdviceRule> Rules { get; }
    public IReadOnlyList<IRemixAdviceRule> RemixRules { get; }

    /// <summary>Warnings first, then hints, each group in rule order.</summary>
    public IReadOnlyList<Advice> Advise(ShotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Ordered(Rules.SelectMany(r => r.Check(spec)));
    }

    public IReadOnlyList<Advice> AdviseRemix(string instruction) =>
        Ordered(RemixRules.SelectMany(r => r.Check(instruction ?? "")));

    public static IReadOnlyList<IAdviceRule> DefaultRules(ModelCatalog catalog) =>
    [
        new RealPeopleRule(),
        new CopyrightedContentRule(),
        new AudienceSuitabilityRule(),
        new BeatsPerDurationRule(catalog),
        new DialogueLengthRule(catalog),
        new EmptyRowsRule(),
        new CameraMovesRule(),
        new NoCameraRule(),
        new ReferenceImageRedescribedRule(),
        new NoStyleRule(),
        new VagueWordingRule(),
        new PaletteAnchorsRule(),
        new ShorterClipsRule(catalog),
    ];

    public static IReadOnlyList<IRemixAdviceRule> DefaultRemixRules() =>
        [new EmptyRemixRule(), new OneChangeRemixRule(), new RemixAnchorRule()];

    private static Advice[] Ordered(IEnumerable<Advice> advice) =>
        [.. advice.OrderByDescending(a => a.Severity)];
}
