using Microsoft.AspNetCore.Identity;

namespace SoraStudio.Web.Data;

/// <summary>A person who signs in: the studio's owner (made at setup) or a member who joined through an invite.</summary>
public sealed class StudioUser : IdentityUser
{
    /// <summary>The name shown on takes, comments and the activity log, and matched by @mentions.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
