using FluentValidation;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using static System.FormattableString;

namespace SoraStudio.Core.Validation;

/// <summary>
/// Hard errors that the API would reject: the model, its sizes and durations, the rendered prompt's
/// length, the reference image, half-written beats and dialogue lines; and the studio's <see cref="TextLimits"/> of every field (<see cref="SpecTextValidator"/>).
/// Property names are the JSON paths ("seconds", "referenceImage.width").
/// Cheap enough for every keystroke: one render, no regular expressions. Build it once and reuse it.
/// </summary>
public sealed class ShotSpecValidator : AbstractValidator<ShotSpec>
{
    public const int MaxPromptLength = TextLimits.Prompt;

    public static readonly IReadOnlyList<string> ReferenceImageContentTypes = ["image/jpeg", "image/png", "image/webp"];

    public ShotSpecValidator(ModelCatalog? catalog = null)
    {
        Catalog = catalog ?? ModelCatalog.Default;

        Include(new SpecTextValidator());

        RuleFor(s => s.Model)
            .Must(m => Catalog.Find(m) is not null)
            .OverridePropertyName(SpecFields.Model)
            .WithMessage(s => $"Model must be one of {string.Join(", ", Catalog.Models.Select(m => m.Id))}; “{s.Model}” is not in the catalog.");

        When(s => Catalog.Find(s.Model) is not null, () =>
        {
            RuleFor(s => s.Size)
                .Must((s, size) => size is not null && Model(s).AllowsSize(size))
                .OverridePropertyName(SpecFields.Size)
                .WithMessage(s => $"Size must be one of {string.Join(", ", Model(s).Sizes)} for {s.Model}.");

            RuleFor(s => s.Seconds)
                .Must((s, seconds) => Model(s).AllowsSeconds(seconds))
                .OverridePropertyName(SpecFields.Seconds)
                .WithMessage(s => $"Seconds must be one of {string.Join(", ", Model(s).Seconds)} for {s.Model}.");

            RuleFor(s => s.ReferenceImage)
                .Must((s, _) => Model(s).SupportsReferenceImage)
                .When(s => s.ReferenceImage is not null)
                .OverridePropertyName(SpecFields.ReferenceImage)
                .WithMessage(s => $"{s.Model} does not accept a reference image.");
        });

        RuleFor(s => PromptRenderer.Render(s).Length)
            .InclusiveBetween(1, MaxPromptLength)
            .OverridePropertyName(SpecFields.Prompt)
            .WithMessage((_, length) => length == 0
                ? "The prompt is empty: describe the shot."
                : Invariant($"The prompt must be at most {MaxPromptLength:N0} characters; it has {length:N0}."));

        RuleFor(s => s).Custom((spec, context) =>
        {
            foreach (var (path, problem) in HalfWrittenRows(spec))
                context.AddFailure(path, problem);
        });

        When(s => s.ReferenceImage is not null, () =>
        {
            RuleFor(s => s.ReferenceImage!.ContentType)
                .Must(type => ReferenceImageContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                .OverridePropertyName(SpecFields.ReferenceImageContentType)
                .WithMessage(s => $"Reference image must be one of {string.Join(", ", ReferenceImageContentTypes)}; it is “{s.ReferenceImage!.ContentType}”.");

            When(s => VideoSize.TryParse(s.Size, out _), () =>
            {
                RuleFor(s => s.ReferenceImage!.Width)
                    .Must((s, width) => width == Frame(s).Width)
                    .OverridePropertyName(SpecFields.ReferenceImageWidth)
                    .WithMessage(s => $"Reference image width must be {Frame(s).Width} to match the size {s.Size}; it is {s.ReferenceImage!.Width}.");

                RuleFor(s => s.ReferenceImage!.Height)
                    .Must((s, height) => height == Frame(s).Height)
                    .OverridePropertyName(SpecFields.ReferenceImageHeight)
                    .WithMessage(s => $"Reference image height must be {Frame(s).Height} to match the size {s.Size}; it is {s.ReferenceImage!.Height}.");
            });
        });
    }

    public ModelCatalog Catalog { get; }

    /// <summary>
    /// Beats with a time but no action, lines with a speaker or a delivery but no words: not empty rows, which the
    /// prompt leaves out (<see cref="EmptyRows"/>), but not something to send either.
    /// </summary>
    private static IEnumerable<(string Path, string Problem)> HalfWrittenRows(ShotSpec spec)
    {
        for (var i = 0; i < spec.Actions.Count && i < TextLimits.Items; i++)
        {
            var beat = spec.Actions[i];
            if (string.IsNullOrWhiteSpace(beat.Text) && !EmptyRows.IsEmpty(beat))
                yield return ($"actions[{i}].text", $"Beat {i + 1} has a time but no action: describe what happens, or remove the beat.");
        }
        for (var i = 0; i < spec.Dialogue.Count && i < TextLimits.Items; i++)
        {
            var line = spec.Dialogue[i];
            if (!string.IsNullOrWhiteSpace(line.Text)) continue;
            if (!string.IsNullOrWhiteSpace(line.Speaker))
                yield return ($"dialogue[{i}].text", $"Line {i + 1} gives {line.Speaker.Trim()} nothing to say: write the words, or remove the line.");
            else if (!string.IsNullOrWhiteSpace(line.Delivery))
                yield return ($"dialogue[{i}].text", $"Line {i + 1} has a delivery but no words: write the words, or remove the line.");
        }
    }

    private ModelInfo Model(ShotSpec spec) => Catalog.Find(spec.Model)!;

    private static VideoSize Frame(ShotSpec spec) => VideoSize.TryParse(spec.Size, out var size) ? size : default;
}
