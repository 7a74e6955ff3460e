using FluentValidation.Results;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Features.Compose;

/// <summary>What the composer says about one field: an error, the guide's advice, a continuity warning, or an inherited value.</summary>
/// <param name="Field">The spec path, as advice and validation name it: "actions", "cinematography.lighting".</param>
/// <param name="Fix">The whole corrected shot that one click applies; none when there is no safe correction.</param>
public sealed record ComposerNote(string Field, NoteKind Kind, string Message, string? FixLabel = null, ShotSpec? Fix = null);

public enum NoteKind { Error, Warning, Tip, Inherited }

/// <summary>Everything the composer says about the current shot, by field path.</summary>
public sealed record ComposerFeedback(IReadOnlyList<ComposerNote> Notes)
{
    public static ComposerFeedback None { get; } = new([]);

    public int Count(NoteKind kind) => Notes.Count(n => n.Kind == kind);

    public IEnumerable<ComposerNote> For(string prefix) => Notes.Where(n => Covers(prefix, n.Field));

    /// <summary>"actions" covers "actions" and "actions[2].text"; "cinematography.lens" covers only itself and below.</summary>
    public static bool Covers(string prefix, string field) =>
        field.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (field.Length == prefix.Length || field[prefix.Length] is '.' or '[');

    /// <summary>Errors first, then warnings, tips and inherited values; fixes are rebased onto the shot's own fields.</summary>
    public static ComposerFeedback Of(Inheritance inheritance, IEnumerable<ValidationFailure> errors, IEnumerable<Advice> advice,
        IEnumerable<ContinuityWarning> continuity) => new(
    [
        .. errors.Select(e => new ComposerNote(e.PropertyName, NoteKind.Error, e.ErrorMessage)),
        .. advice.Select(a => new ComposerNote(a.Field, a.Severity == AdviceSeverity.Warning ? NoteKind.Warning : NoteKind.Tip, a.Message,
            a.Fix is null ? null : a.FixLabel ?? "Apply fix", a.Fix is null ? null : inheritance.Rebase(a.Fix))),
        .. continuity.Select(c => new ComposerNote(c.Field, NoteKind.Warning, c.Message)),
        .. inheritance.Notes(),
    ]);
}
