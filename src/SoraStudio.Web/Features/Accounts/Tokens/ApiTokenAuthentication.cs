using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Features.Accounts.Tokens;

/// <summary>
/// The automation API's authentication: <c>Authorization: Bearer sora_pat_…</c>, a personal access token acting with
/// its user's own rights (the same <see cref="CurrentUser"/> and <see cref="ProjectAccess"/> checks as the UI).
/// The API accepts nothing else: a sign-in cookie does not authenticate it.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";

    /// <summary>The authorization policy of the API's endpoint group: a valid token, whatever cookie comes along.</summary>
    public const string Policy = "ApiToken";

    public const string TokensPath = "/account/tokens";

    /// <summary>Tokens (the service and the page's needs), the bearer scheme and the API's policy.</summary>
    public static IServiceCollection AddStudioApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<ApiTokenUse>();
        // The 401 is written as problem details (the API's own customisation, when registered, adds the request id).
        services.AddProblemDetails();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, displayName: "Personal access token", _ => { });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}

/// <summary>Authenticates a request by its bearer token; a refused token's reason goes into the 401's problem details.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
            return AuthenticateResult.NoResult();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must be “Bearer <token>”.");
        var (caller, refusal) = await tokens.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (caller is null)
            return AuthenticateResult.Fail(refusal!.Message);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.UserId),
            new(ClaimTypes.Name, caller.UserName),
            new(StudioClaims.DisplayName, caller.DisplayName),
        };
        if (caller.IsStudioOwner)
            claims.Add(new Claim(ClaimTypes.Role, StudioClaims.OwnerRole));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiTokenAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokenAuthentication.Scheme));
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> and problem details saying what was wrong with the token.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer realm=\"Sora Studio\""
            : $"Bearer realm=\"Sora Studio\", error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = failure ?? $"Send a personal access token: Authorization: Bearer <token>. Create one at {ApiTokenAuthentication.TokensPath}.",
            },
        });
    }
}
