using FluentValidation;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Validation;

namespace SoraStudio.Web.Features.Shots;

/// <summary>A shot as saved: the spec passes the Core rules, except that a draft may not have a prompt yet.</summary>
public sealed class ShotInputValidator : AbstractValidator<ShotInput>
{
    public ShotInputValidator(ShotSpecValidator specs)
    {
        RuleFor(s => s.Title).Must(t => TextLimits.CheckName(t ?? "") is null).OverridePropertyName("title")
            .WithMessage(s => TextLimits.CheckName(s.Title ?? "")!);
        RuleFor(s => s.Notes).Must(n => TextLimits.CheckProse(n ?? "", TextLimits.Notes) is null).OverridePropertyName("notes")
            .WithMessage(s => TextLimits.CheckProse(s.Notes ?? "", TextLimits.Notes)!);
        RuleFor(s => s.Spec).NotNull().OverridePropertyName("spec");
        RuleFor(s => s.Spec).Custom((spec, context) =>
        {
            if (spec is null)
                return;
            foreach (var failure in specs.Validate(spec).Errors)
            {
                var emptyDraft = failure.PropertyName == SpecFields.Prompt && PromptRenderer.Render(spec).Length == 0;
                if (!emptyDraft)
                    context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        });
    }
}
