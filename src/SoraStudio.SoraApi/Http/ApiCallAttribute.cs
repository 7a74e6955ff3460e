namespace SoraStudio.SoraApi.Http;

/// <summary>
/// Tells <see cref="ApiPolicyHandler"/> how to treat the calls of a Refit method. Every method of a Refit interface
/// behind the handler carries one; overloads would share it, so give each method its own name.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ApiCallAttribute(string name) : Attribute
{
    /// <summary>The call's name in messages and logs, e.g. <c>CreateVideo</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Creates a billed job and carries no idempotency key: a blind retry may pay twice, so it is retried only where
    /// the failure proves nothing was created, and otherwise reported as <see cref="ApiErrorKind.OutcomeUnknown"/>.
    /// </summary>
    public bool Paid { get; set; }

    /// <summary>The body goes to the caller as it arrives: not buffered, and the attempt is timed only until the headers.</summary>
    public bool Streamed { get; set; }
}
