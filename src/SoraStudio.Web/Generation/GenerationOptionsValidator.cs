using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Generation;

/// <summary>Fails start-up with every problem of the <c>Studio:Generation</c> section, each naming its setting.</summary>
internal sealed class GenerationOptionsValidator : IValidateOptions<GenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
