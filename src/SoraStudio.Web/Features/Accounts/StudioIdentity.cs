namespace SoraStudio.Web.Features.Accounts;

/// <summary>Who is asking: a signed-in user, or the studio's own background work (never a request).</summary>
public sealed record StudioIdentity(string UserId, string Name, bool IsStudioOwner, bool IsSystem = false)
{
    /// <summary>The identity of non-HTTP background scopes (the worker). No request can obtain it.</summary>
    internal static StudioIdentity System { get; } = new("system", "Sora Studio", IsStudioOwner: false, IsSystem: true);
}
