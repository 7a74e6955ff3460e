namespace SoraStudio.Web.Data;

/// <summary>Why a take did not become ready; decides whether and how it may be tried again.</summary>
public enum FailureClass
{
    /// <summary><c>moderation_blocked</c>: never retried unchanged.</summary>
    Moderation,
    /// <summary>The provider rejected the request itself (400, 404 on create).</summary>
    InvalidRequest,
    /// <summary>The content expired at the provider before it was downloaded.</summary>
    Expired,
    /// <summary>The provider failed the job or kept failing (5xx, a failed job without moderation).</summary>
    Provider,
    /// <summary>The account was refused: key, permission or quota.</summary>
    Account,
    /// <summary>A create whose outcome could not be established; a person has to look.</summary>
    OutcomeUnknown,
    /// <summary>The take could not be processed for a reason of the studio's own (a lost reference file, repeated crashes).</summary>
    Studio,
}
