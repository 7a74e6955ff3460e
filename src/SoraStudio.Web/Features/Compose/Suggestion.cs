using SoraStudio.Core.Vocabulary;
using Terms = SoraStudio.Core.Vocabulary.Vocabulary;

namespace SoraStudio.Web.Features.Compose;

/// <summary>A vocabulary pick offered by a field: the words it inserts and what they do.</summary>
public sealed record Suggestion(string Text, string Detail)
{
    // The guide writes cinematography in lower case ("medium-wide shot, slow dolly-in"), so picks do too.
    private static Suggestion Of(VocabularyTerm term) => new(term.Term.ToLowerInvariant(), term.Description);

    public static IReadOnlyList<Suggestion> CameraShots { get; } = [.. Terms.ShotTypes.Select(Of)];
    public static IReadOnlyList<Suggestion> Angles { get; } = [.. Terms.CameraAngles.Select(Of)];
    public static IReadOnlyList<Suggestion> Movements { get; } = [.. Terms.CameraMovements.Select(Of)];
    public static IReadOnlyList<Suggestion> DepthOfField { get; } = [.. Terms.DepthOfField.Select(Of)];

    public static IReadOnlyList<Suggestion> Lenses { get; } =
    [
        .. Terms.Lenses.Select(l => new Suggestion(l.Example, $"{l.Term}{(l.FocalLengths.Length > 0 ? $" ({l.FocalLengths})" : "")}: {l.Description}")),
    ];

    public static IReadOnlyList<Suggestion> Lighting { get; } =
    [
        .. Terms.LightQuality.Concat(Terms.LightDirection).Select(t => new Suggestion(t.Example, $"{t.Term}: {t.Description}")),
        .. Terms.ColorTemperature.SelectMany(t => t.Examples.Select(e => new Suggestion(e, $"{t.Term}: {t.Description}"))),
    ];
}
