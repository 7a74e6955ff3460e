using System.ComponentModel.DataAnnotations;

namespace SoraStudio.Web.Features.Accounts;

/// <summary>The <c>Studio:Accounts</c> section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Studio:Accounts";

    /// <summary>How long an invite link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Wrong passwords in a row, from one client address for one email, before sign-ins of that pair wait
    /// <see cref="LockoutDuration"/> (<see cref="SignInThrottle"/>; the account itself is never locked).
    /// </summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Send the sign-in cookie only over HTTPS. On by default outside Development; turn it off only for a studio
    /// reached over plain HTTP on a trusted network.
    /// </summary>
    public bool? SecureCookies { get; set; }
}

/// <summary>The <c>Studio:Owner</c> section: the owner made at start when no user exists (unattended setup).</summary>
public sealed class OwnerOptions
{
    public const string Section = "Studio:Owner";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? DisplayName { get; set; }
}
