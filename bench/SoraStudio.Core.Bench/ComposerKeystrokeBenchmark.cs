using BenchmarkDotNet.Attributes;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Bench;

/// <summary>
/// What the composer does on every keystroke: one field of the spec changes (here a character is typed at the end
/// of the scene), then the prompt is rendered, the spec validated and advised. <see cref="NewSpecAdvise"/> is the
/// cost of advising a spec none of whose texts was seen before (an import), less <see cref="NewSpec"/>.
/// </summary>
[MemoryDiagnoser]
public class ComposerKeystrokeBenchmark
{
    private const string Keys = "abcdefghijklmnopqrstuvwxyz .,;'-";
    private readonly ShotSpecValidator _validator = new();
    private ShotSpec _spec = ShotSpec.Empty;
    private string _json = "";
    private int _typed;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "largest-example.txt"));
        _spec = PromptParser.Parse(text);
        _json = SpecJson.Serialize(_spec);
    }

    private ShotSpec Typed() => _spec with { Scene = _spec.Scene + Keys[_typed++ & 31] };

    [Benchmark]
    public int RenderValidateAdvise()
    {
        var spec = Typed();
        var prompt = PromptRenderer.Render(spec);
        var validation = _validator.Validate(spec);
        var advice = PromptAdvisor.Default.Advise(spec);
        return prompt.Length + validation.Errors.Count + advice.Count;
    }

    [Benchmark]
    public string Render() => PromptRenderer.Render(Typed());

    [Benchmark]
    public int Validate() => _validator.Validate(Typed()).Errors.Count;

    [Benchmark]
    public int Advise() => PromptAdvisor.Default.Advise(Typed()).Count;

    [Benchmark]
    public ShotSpec NewSpec() => SpecJson.Deserialize(_json);

    [Benchmark]
    public int NewSpecAdvise() => PromptAdvisor.Default.Advise(SpecJson.Deserialize(_json)).Count;
}
