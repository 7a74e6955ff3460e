using SoraStudio.Core.Spec;

namespace SoraStudio.Core.Advice;

/// <summary>
/// One piece of the guide's advice about a shot or a remix instruction. Advice never blocks a
/// submission (that is the validator's job); it explains what the guide recommends and, where a
/// safe correction exists, carries it.
/// </summary>
/// <param name="Code">Stable identifier of the rule, e.g. "beats-per-duration".</param>
/// <param name="Field">Path of the field concerned, camelCase as in the JSON: "actions", "cinematography.movement", "instruction".</param>
public sealed record Advice(string Code, string Message, string Field, AdviceSeverity Severity)
{
    /// <summary>Short label of the fix for a button, e.g. "Make it 8 s".</summary>
    public string? FixLabel { get; init; }

    /// <summary>The corrected shot, when the advice concerns a shot and a fix exists.</summary>
    public ShotSpec? Fix { get; init; }

    /// <summary>The corrected instruction, when the advice concerns a remix and a fix exists.</summary>
    public string? FixedInstruction { get; init; }

    public bool HasFix => Fix is not null || FixedInstruction is not null;
}
