using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;

namespace SoraStudio.Web.Features.Api;

/// <summary>Stateless prompt tools over a <c>ShotSpec</c> body: the exact prompt text, and the guide's advice.</summary>
internal static class PromptsApi
{
    public static RenderedPrompt Render(ShotSpec spec, ShotSpecValidator validator)
    {
        var prompt = PromptRenderer.Render(spec);
        var result = validator.Validate(spec);
        var errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return new RenderedPrompt(prompt, prompt.Length, result.IsValid, errors);
    }

    public static void MapPromptsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/prompts/render", async (HttpContext http, ShotSpecValidator validator, CancellationToken ct) =>
            {
                var (spec, problem) = await ApiJson.ReadAsync<ShotSpec>(http.Request, http.MaxBody(), ct);
                return problem ?? ApiJson.Ok(Render(spec!, validator));
            })
            .WithName("RenderPrompt").WithSummary("The exact prompt text a spec sends, and the errors that would stop it being generated.")
            .Accepts<ShotSpec>("application/json").Produces<RenderedPrompt>().ProducesValidationProblem();

        api.MapPost("/prompts/advise", async (HttpContext http, PromptAdvisor advisor, CancellationToken ct) =>
            {
                var (spec, problem) = await ApiJson.ReadAsync<ShotSpec>(http.Request, http.MaxBody(), ct);
                return problem ?? ApiJson.Ok(new AdviceList(advisor.Advise(spec!)));
            })
            .WithName("AdvisePrompt").WithSummary("The prompting guide's advice on a spec, warnings first, each with its fix where one exists.")
            .Accepts<ShotSpec>("application/json").Produces<AdviceList>().ProducesValidationProblem();
    }
}
