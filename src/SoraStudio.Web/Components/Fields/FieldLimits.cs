using SoraStudio.Core.Validation;

namespace SoraStudio.Web.Components.Fields;

/// <summary>How much one field takes: the studio's one set of <see cref="TextLimits"/>, as the browser's inputs apply them.</summary>
public static class FieldLimits
{
    /// <summary>
    /// Characters per text field of a shot or style bible: as many as a whole prompt (<see cref="TextLimits.Field"/>),
    /// which the API and the importers take too. The browser cuts a longer paste; <see cref="LengthNote"/> says so.
    /// </summary>
    public const int Characters = TextLimits.Field;

    /// <summary>
    /// Characters the import box takes: more than a prompt holds, so that a longer paste is measured and the importer
    /// says exactly how much is over (<see cref="SoraStudio.Core.Validation.ImportFit"/>) instead of the browser cutting
    /// it untold. At three UTF-8 bytes a character it still fits <see cref="MaxMessageBytes"/>.
    /// </summary>
    public const int Import = 40_000;

    /// <summary>Characters of a name or title.</summary>
    public const int Name = TextLimits.Name;

    /// <summary>
    /// The largest message the circuit takes from the browser (HubOptions.MaximumReceiveMessageSize; Blazor closes the
    /// circuit beyond it). Every keystroke sends the field's whole value in one message: a full field at three UTF-8
    /// bytes a character is 96,000 bytes, and the envelope needs a little more.
    /// </summary>
    public const long MaxMessageBytes = 128 * 1024;
}
