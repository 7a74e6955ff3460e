using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string StudioOwnerPolicy = "StudioOwner";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>
    /// Accounts (Identity on the studio's database, cookie sign-in, throttled wrong passwords), every endpoint signed-in by
    /// default, and the current-user abstraction the application services check roles with.
    /// </summary>
    public static IServiceCollection AddStudioAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerOptions>().BindConfiguration(OwnerOptions.Section);
        services.AddHttpContextAccessor();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext());

        services.AddAntiforgery();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StudioUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StudioClaimsPrincipalFactory>();
        // Wrong passwords are throttled per client address and email (SignInThrottle); an account itself is never locked,
        // or anyone who knows an email could lock its owner out.
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment, IOptions<AccountOptions>>((cookie, environment, accounts) =>
            {
                cookie.LoginPath = LoginPath;
                cookie.LogoutPath = LogoutPath;
                cookie.AccessDeniedPath = "/account/denied";
                cookie.Cookie.Name = "studio.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = accounts.Value.SecureCookies ?? !environment.IsDevelopment()
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                cookie.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StudioOwnerPolicy, p => p.RequireRole(StudioClaims.OwnerRole));

        services.AddScoped<CurrentUser>();
        services.AddScoped<ProjectAccess>();
        services.AddScoped<AccountService>();
        services.AddHostedService<OwnerBootstrap>();
        return services;
    }

    /// <summary>Sign-out: a form POST that carries the page's antiforgery token, so no other site can sign anyone out.</summary>
    public static IEndpointRouteBuilder MapStudioAccounts(this IEndpointRouteBuilder endpoints)
    {
        // A handler without form parameters gets no automatic antiforgery check: it is made here.
        endpoints.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<StudioUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem("Sign out from the studio's own Sign out button (the request carried no valid antiforgery token).",
                    statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        });
        return endpoints;
    }
}

/// <summary>Unattended setup: the owner from <c>Studio:Owner</c> when the studio has no user yet.</summary>
internal sealed class OwnerBootstrap(IServiceScopeFactory scopes, IOptions<OwnerOptions> owner, ILogger<OwnerBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (owner.Value is not { Email.Length: > 0, Password.Length: > 0 } configured)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        if (await accounts.AnyUserAsync(cancellationToken))
            return;
        var name = configured.DisplayName is { Length: > 0 } display ? display : configured.Email!.Split('@')[0];
        await accounts.CreateOwnerAsync(new NewAccount(name, configured.Email!, configured.Password!), cancellationToken);
        logger.LogInformation("Created the studio's owner {Email} from configuration.", configured.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
