using FluentValidation;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Validation;

namespace SoraStudio.Web.Features.Projects;

public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    /// <summary>
    /// The largest budget, in USD. Far beyond any project, and far inside what the database's micro-dollars hold
    /// (a 64-bit integer: about 9.2 trillion dollars), so budget arithmetic never overflows.
    /// </summary>
    public const decimal MaxBudget = 100_000_000m;

    public ProjectInputValidator(ModelCatalog catalog)
    {
        RuleFor(p => p.Name).Must(n => !string.IsNullOrWhiteSpace(n)).OverridePropertyName("name").WithMessage("A project needs a name.");
        RuleFor(p => p.Name).Must(n => TextLimits.CheckName(n ?? "") is null).OverridePropertyName("name")
            .WithMessage(p => TextLimits.CheckName(p.Name ?? "")!);
        RuleFor(p => p.Description).Must(d => TextLimits.CheckProse(d ?? "", TextLimits.Description) is null).OverridePropertyName("description")
            .WithMessage(p => TextLimits.CheckProse(p.Description ?? "", TextLimits.Description)!);
        RuleFor(p => p.DefaultModel)
            .Must(m => catalog.Find(m) is not null).OverridePropertyName("defaultModel")
            .WithMessage(p => $"Default model must be one of {string.Join(", ", catalog.Models.Select(m => m.Id))}; “{p.DefaultModel}” is not in the catalog.");
        RuleFor(p => p.DefaultSize)
            .Must((p, size) => catalog.Find(p.DefaultModel)?.AllowsSize(size) ?? true).OverridePropertyName("defaultSize")
            .WithMessage(p => $"Default size must be one of {string.Join(", ", catalog.Find(p.DefaultModel)!.Sizes)} for {p.DefaultModel}.");
        RuleFor(p => p.Budget).GreaterThanOrEqualTo(0).When(p => p.Budget is not null).OverridePropertyName("budget")
            .WithMessage("A budget cannot be negative.");
        RuleFor(p => p.Budget).LessThanOrEqualTo(MaxBudget).When(p => p.Budget is not null).OverridePropertyName("budget")
            .WithMessage(FormattableString.Invariant($"A budget is at most {MaxBudget:N0} USD."));
        RuleFor(p => p.StyleBible!).SetValidator(new StyleBibleValidator()).When(p => p.StyleBible is not null).OverridePropertyName("styleBible");
    }
}
