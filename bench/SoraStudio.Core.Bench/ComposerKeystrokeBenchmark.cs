using BenchmarkDotNet.Attributes;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Bench;

/// <summary>What the composer does on every keystroke: render the prompt, validate the spec, advise.</summary>
[MemoryDiagnoser]
public class ComposerKeystrokeBenchmark
{
    private readonly ShotSpecValidator _validator = new();
    private ShotSpec _spec = ShotSpec.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "largest-example.txt"));
        _spec = PromptParser.Parse(text);
    }

    [Benchmark]
    public int RenderValidateAdvise()
    {
        var prompt = PromptRenderer.Render(_spec);
        var validation = _validator.Validate(_spec);
        var advice = PromptAdvisor.Default.Advise(_spec);
        return prompt.Length + validation.Errors.Count + advice.Count;
    }

    [Benchmark]
    public string Render() => PromptRenderer.Render(_spec);

    [Benchmark]
    public int Validate() => _validator.Validate(_spec).Errors.Count;

    [Benchmark]
    public int Advise() => PromptAdvisor.Default.Advise(_spec).Count;
}
