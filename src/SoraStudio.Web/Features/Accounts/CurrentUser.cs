using Microsoft.AspNetCore.Components.Authorization;

namespace SoraStudio.Web.Features.Accounts;

/// <summary>
/// The identity the application services act for, in this scope: the circuit's user in Blazor, the request's user
/// in an endpoint, or one set by code for a scope that serves no request (tests, background work).
/// </summary>
public sealed class CurrentUser(IServiceProvider services)
{
    private StudioIdentity? _set;

    /// <summary>Acts as <paramref name="identity"/> for the rest of this scope; only code calls it, never a request.</summary>
    internal void Set(StudioIdentity identity) => _set = identity;

    /// <summary>The identity, or a refusal when nobody is signed in.</summary>
    public async ValueTask<StudioIdentity> GetAsync() =>
        await FindAsync() ?? throw new StudioException(StudioErrorKind.Unauthenticated, "Sign in to do this.");

    public async ValueTask<StudioIdentity?> FindAsync()
    {
        if (_set is not null)
            return _set;
        // In a circuit the authentication state is the one the circuit started with; in an endpoint there is none.
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                var state = await provider.GetAuthenticationStateAsync();
                if (StudioClaims.ToIdentity(state.User) is { } fromCircuit)
                    return fromCircuit;
            }
            catch (InvalidOperationException)
            {
                // Not a Blazor scope: the provider was never given a state.
            }
        }
        return StudioClaims.ToIdentity(services.GetService<IHttpContextAccessor>()?.HttpContext?.User);
    }
}
