using FluentValidation.Results;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Features.Projects;

namespace SoraStudio.Web.Features.Export;

/// <summary>An archive's texts and amounts within the limits the UI and the API hold to, checked before anything is stored.</summary>
public sealed partial class ProjectArchive
{
    private static readonly SpecTextValidator SpecTexts = new();
    private static readonly StyleBibleValidator BibleTexts = new();

    private static void CheckLimits(ArchiveManifest manifest)
    {
        var project = manifest.Project;
        Text("the project's name", TextLimits.CheckName(project.Name ?? ""));
        Text("the project's description", TextLimits.CheckProse(project.Description ?? "", TextLimits.Description));
        Amount("the project's budget", project.Budget);
        Failures("the project's styleBible", BibleTexts.Validate(project.StyleBible ?? Core.StyleBible.StyleBible.Empty));
        foreach (var shot in manifest.Shots)
        {
            Text($"shot {shot.Key}'s title", TextLimits.CheckName(shot.Title ?? ""));
            Text($"shot {shot.Key}'s notes", TextLimits.CheckProse(shot.Notes ?? "", TextLimits.Notes));
            Failures($"shot {shot.Key}'s spec", SpecTexts.Validate(shot.Spec ?? ShotSpec.Empty));
        }
        foreach (var take in manifest.Takes)
        {
            Text($"take {take.Key}'s prompt", TextLimits.CheckProse(take.Prompt ?? "", TextLimits.Prompt));
            Text($"take {take.Key}'s remix instruction", TextLimits.CheckProse(take.RemixInstruction ?? "", TextLimits.Prompt));
            Failures($"take {take.Key}'s spec", SpecTexts.Validate(take.Spec ?? ShotSpec.Empty));
            Amount($"take {take.Key}'s estimated cost", take.EstimatedCost);
            Amount($"take {take.Key}'s cost", take.Cost);
        }
    }

    private static void Text(string where, string? problem)
    {
        if (problem is not null)
            throw Refused($"{where}: {problem}");
    }

    private static void Failures(string where, ValidationResult result)
    {
        if (result.Errors.FirstOrDefault() is { } failure)
            throw Refused($"{where}.{failure.PropertyName}: {failure.ErrorMessage}");
    }

    private static void Amount(string where, decimal? usd)
    {
        if (usd is < 0 or > ProjectInputValidator.MaxBudget)
            throw Refused(FormattableString.Invariant($"{where} is not between 0 and {ProjectInputValidator.MaxBudget:N0} USD."));
    }
}
