using SoraStudio.Core.Advice;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using static System.FormattableString;

namespace SoraStudio.Core.Validation;

/// <summary>One thing of a pasted prompt that does not fit: where (a spec path, as validation names it) and by how much.</summary>
public sealed record Misfit(string Field, string Message);

/// <summary>
/// What of a pasted prompt does not fit the contract once read into a shot: the text itself over the prompt limit,
/// a field or list over its <see cref="TextLimits"/>, the rendered prompt over the limit. A shot with any of these
/// cannot be saved, so the importer shows them instead of replacing the shot: nothing is cut or lost untold.
/// </summary>
public static class ImportFit
{
    private static readonly SpecTextValidator Limits = new();

    /// <summary>The misfits of <paramref name="parsed"/>, read from <paramref name="text"/>; empty when it imports whole.</summary>
    public static IReadOnlyList<Misfit> Check(string text, ShotSpec parsed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parsed);
        List<Misfit> misfits = [];
        if (text.Length > TextLimits.Prompt)
            misfits.Add(new(SpecFields.Prompt, Invariant(
                $"The pasted text has {text.Length:N0} characters, {text.Length - TextLimits.Prompt:N0} more than a prompt holds ({TextLimits.Prompt:N0}).")));
        misfits.AddRange(Limits.Validate(parsed).Errors.Select(e => new Misfit(e.PropertyName, e.ErrorMessage)));
        var rendered = PromptRenderer.Render(parsed).Length;
        if (rendered > TextLimits.Prompt)
            misfits.Add(new(SpecFields.Prompt, Invariant(
                $"Read into the sections, the prompt comes to {rendered:N0} characters, {rendered - TextLimits.Prompt:N0} over the limit of {TextLimits.Prompt:N0}.")));
        return misfits;
    }
}
