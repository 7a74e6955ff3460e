using FluentValidation;
using SoraStudio.Core.Advice;
using static System.FormattableString;

namespace SoraStudio.Core.Validation;

/// <summary>The remix prompt as the API accepts it: 1–32,000 characters, not only whitespace.</summary>
public sealed class RemixInstructionValidator : AbstractValidator<string>
{
    public RemixInstructionValidator()
    {
        RuleFor(instruction => instruction)
            .Must(instruction => !string.IsNullOrWhiteSpace(instruction))
            .OverridePropertyName(SpecFields.Instruction)
            .WithMessage("The remix instruction is empty: say the one change to make.");

        RuleFor(instruction => instruction.Length)
            .LessThanOrEqualTo(ShotSpecValidator.MaxPromptLength)
            .When(instruction => instruction is not null)
            .OverridePropertyName(SpecFields.Instruction)
            .WithMessage((_, length) => Invariant($"The remix instruction must be at most {ShotSpecValidator.MaxPromptLength:N0} characters; it has {length:N0}."));
    }
}
