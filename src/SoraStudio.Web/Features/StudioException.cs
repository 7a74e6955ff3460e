using FluentValidation.Results;

namespace SoraStudio.Web.Features;

public enum StudioErrorKind
{
    /// <summary>A project, shot, take or asset that does not exist (any more).</summary>
    NotFound,
    /// <summary>Input the rules refuse; <see cref="StudioException.Errors"/> says which field and why.</summary>
    Invalid,
    /// <summary>A submission whose estimated cost passes what remains of the project's budget.</summary>
    OverBudget,
    /// <summary>The request does not fit the current state (cancel a finished take, retry a moderated one unchanged).</summary>
    Conflict,
    /// <summary>Signed in and a member of the project, but the member's role does not allow the action.</summary>
    Forbidden,
    /// <summary>No signed-in user (a request without an identity reached an application service).</summary>
    Unauthenticated,
}

/// <summary>A refusal of the application services, with a message meant for the person who asked.</summary>
public sealed class StudioException(StudioErrorKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(message)
{
    public StudioErrorKind Kind { get; } = kind;

    /// <summary>Messages by field (JSON paths such as "seconds" or "name"); empty unless <see cref="Kind"/> is Invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static StudioException NotFound(string what, long id) => new(StudioErrorKind.NotFound, $"{what} {id} does not exist.");

    public static StudioException Invalid(string field, string message) =>
        new(StudioErrorKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    public static StudioException Invalid(ValidationResult result, string summary)
    {
        var errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return new(StudioErrorKind.Invalid, $"{summary} {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}", errors);
    }
}
