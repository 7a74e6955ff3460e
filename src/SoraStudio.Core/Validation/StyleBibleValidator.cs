using FluentValidation;

namespace SoraStudio.Core.Validation;

/// <summary>
/// The <see cref="TextLimits"/> of a style bible, by JSON path ("style", "characters[1].name"); every character needs a
/// name. Nest it under the bible's own path (<c>SetValidator</c> with <c>OverridePropertyName("styleBible")</c>).
/// </summary>
public sealed class StyleBibleValidator : AbstractValidator<StyleBible.StyleBible>
{
    public StyleBibleValidator() => RuleFor(b => b).Custom((bible, context) =>
    {
        if (bible is null)
            return;
        Prose("style", bible.Style);
        Prose("lighting", bible.Lighting);
        Prose("setting", bible.Setting);
        if (bible.PaletteAnchors.Count > TextLimits.Items)
            context.AddFailure("paletteAnchors", TextLimits.TooMany(bible.PaletteAnchors.Count));
        foreach (var (anchor, i) in bible.PaletteAnchors.Take(TextLimits.Items).Select((a, i) => (a, i)))
            Prose($"paletteAnchors[{i}]", anchor);
        if (bible.Characters.Count > TextLimits.Items)
            context.AddFailure("characters", TextLimits.TooMany(bible.Characters.Count));
        if (bible.Characters.Any(c => string.IsNullOrWhiteSpace(c.Name)))
            context.AddFailure("characters", "Every character of the style bible needs a name.");
        foreach (var (character, i) in bible.Characters.Take(TextLimits.Items).Select((c, i) => (c, i)))
        {
            if (TextLimits.CheckName(character.Name ?? "") is { } problem)
                context.AddFailure($"characters[{i}].name", problem);
            Prose($"characters[{i}].description", character.Description);
        }

        void Prose(string path, string? text)
        {
            if (TextLimits.CheckProse(text ?? "") is { } problem)
                context.AddFailure(path, problem);
        }
    });
}
