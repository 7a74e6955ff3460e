using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

public static class StudioClaims
{
    public const string DisplayName = "studio:name";

    /// <summary>The Identity role of the person who set the studio up (API settings, every invite).</summary>
    public const string OwnerRole = "StudioOwner";

    public static StudioIdentity? ToIdentity(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
            return null;
        var name = principal.FindFirstValue(DisplayName) is { Length: > 0 } display ? display : principal.Identity.Name ?? id;
        return new StudioIdentity(id, name, principal.IsInRole(OwnerRole));
    }
}

/// <summary>Adds the display name to the sign-in cookie's principal.</summary>
internal sealed class StudioClaimsPrincipalFactory(UserManager<StudioUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StudioUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StudioUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StudioClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
