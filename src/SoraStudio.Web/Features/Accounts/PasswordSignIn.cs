using System.Net;
using Microsoft.AspNetCore.Identity;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

public enum SignInOutcome { SignedIn, Refused, Throttled }

/// <summary>
/// The sign-in form's check: throttled per client address and email (<see cref="SignInThrottle"/>), never locking an
/// account, and alike for an email with no account — the same answers, and a password hash checked either way so
/// the time taken does not tell either.
/// </summary>
public sealed class PasswordSignIn(SignInManager<StudioUser> signIn, SignInThrottle throttle)
{
    private static readonly Lazy<string> UnusedHash = new(() => new PasswordHasher<StudioUser>().HashPassword(new StudioUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(IPAddress? client, string email, string password, bool remember)
    {
        email = email.Trim();
        if (throttle.IsThrottled(client, email))
            return SignInOutcome.Throttled;
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StudioUser(), UnusedHash.Value, password);
        else if ((await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false)).Succeeded)
        {
            throttle.RecordSuccess(client, email);
            return SignInOutcome.SignedIn;
        }
        throttle.RecordFailure(client, email);
        return throttle.IsThrottled(client, email) ? SignInOutcome.Throttled : SignInOutcome.Refused;
    }
}
