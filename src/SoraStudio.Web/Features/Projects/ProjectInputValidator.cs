using FluentValidation;
using SoraStudio.Core.Catalog;

namespace SoraStudio.Web.Features.Projects;

public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    public ProjectInputValidator(ModelCatalog catalog)
    {
        RuleFor(p => p.Name).Must(n => !string.IsNullOrWhiteSpace(n)).OverridePropertyName("name").WithMessage("A project needs a name.");
        RuleFor(p => p.Name).MaximumLength(200).OverridePropertyName("name");
        RuleFor(p => p.Description).MaximumLength(4000).OverridePropertyName("description");
        RuleFor(p => p.DefaultModel)
            .Must(m => catalog.Find(m) is not null).OverridePropertyName("defaultModel")
            .WithMessage(p => $"Default model must be one of {string.Join(", ", catalog.Models.Select(m => m.Id))}; “{p.DefaultModel}” is not in the catalog.");
        RuleFor(p => p.DefaultSize)
            .Must((p, size) => catalog.Find(p.DefaultModel)?.AllowsSize(size) ?? true).OverridePropertyName("defaultSize")
            .WithMessage(p => $"Default size must be one of {string.Join(", ", catalog.Find(p.DefaultModel)!.Sizes)} for {p.DefaultModel}.");
        RuleFor(p => p.Budget).GreaterThanOrEqualTo(0).When(p => p.Budget is not null).OverridePropertyName("budget")
            .WithMessage("A budget cannot be negative.");
        RuleFor(p => p.StyleBible!.Characters)
            .Must(characters => characters.All(c => !string.IsNullOrWhiteSpace(c.Name)))
            .When(p => p.StyleBible is not null).OverridePropertyName("styleBible.characters")
            .WithMessage("Every character of the style bible needs a name.");
    }
}
