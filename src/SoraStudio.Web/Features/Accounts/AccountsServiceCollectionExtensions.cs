using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string StudioOwnerPolicy = "StudioOwner";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>
    /// Accounts (Identity on the studio's database, cookie sign-in with lockout), every endpoint signed-in by
    /// default, the current-user abstraction the application services check roles with, and the review layer.
    /// </summary>
    public static IServiceCollection AddStudioAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerOptions>().BindConfiguration(OwnerOptions.Section);
        services.AddHttpContextAccessor();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext());

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
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StudioClaimsPrincipalFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        });
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

        services.TryAddSingleton(typeof(EventStream<>));
        services.AddScoped<ReviewService>();
        services.AddScoped<CommentService>();
        services.AddScoped<ActivityQueries>();

        // The key ring under the data folder: protected settings survive restarts.
        services.AddDataProtection().SetApplicationName(StoredSettingsConfiguration.ApplicationName);
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<StudioPaths>((o, paths) =>
            o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(StoredSettingsConfiguration.KeyRing(paths.DataFolder)), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        services.AddScoped<StudioSettingsService>();
        return services;
    }

    /// <summary>Sign-out (a form POST with an antiforgery token).</summary>
    public static IEndpointRouteBuilder MapStudioAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (SignInManager<StudioUser> signIn) =>
        {
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
