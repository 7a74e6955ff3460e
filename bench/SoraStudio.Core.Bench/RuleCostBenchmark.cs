using BenchmarkDotNet.Attributes;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Bench;

/// <summary>
/// Each advice rule alone on the largest example, to see where advising spends its time. Each call gets a spec
/// whose texts are new strings (as after an import), so nothing remembered from an earlier call helps; the
/// deserialisation that makes them is included (<see cref="ComposerKeystrokeBenchmark.NewSpec"/> measures it).
/// </summary>
[MemoryDiagnoser]
public class RuleCostBenchmark
{
    private string _json = "";
    private IAdviceRule _rule = null!;

    [ParamsSource(nameof(RuleCodes))]
    public string Rule { get; set; } = "";

    public static IEnumerable<string> RuleCodes => PromptAdvisor.Default.Rules.Select(r => r.Code);

    [GlobalSetup]
    public void Setup()
    {
        _json = SpecJson.Serialize(PromptParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "largest-example.txt"))));
        _rule = PromptAdvisor.Default.Rules.First(r => r.Code == Rule);
    }

    [Benchmark]
    public int Check() => _rule.Check(SpecJson.Deserialize(_json)).Count();
}
