using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Components.Layout;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// bUnit for pages that use the application services: an offline studio host (its own SQLite in a temp folder,
/// no worker) answers every service bUnit does not have, from one scope for the test, acting as the host's tester.
/// </summary>
public abstract class PageTestContext : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private AsyncServiceScope _scope;

    protected StudioTestHost Host { get; private set; } = null!;

    /// <summary>Who the cascading authentication state says is signed in (the tester); e.g. <c>SetNotAuthorized()</c> for a visitor.</summary>
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await OfflineStudio.StartAsync(_folder);
        _scope = Host.Services.CreateAsyncScope();
        // The pages act as the studio's owner (the Owner of every project a test seeds through this scope).
        _scope.ServiceProvider.GetRequiredService<SoraStudio.Web.Features.Accounts.CurrentUser>().Set(Host.Tester);
        Services.AddScoped<ShellState>();
        // The layout's user menu reads the signed-in user from the cascading authentication state.
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(Host.Tester.Name);
        Authorization.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Host.Tester.UserId),
            new System.Security.Claims.Claim(SoraStudio.Web.Features.Accounts.StudioClaims.DisplayName, Host.Tester.Name));
        // As in the app: pages run in a live server circuit.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    /// <summary>Makes the pages act as <paramref name="identity"/> from now on (e.g. a Viewer the test added to a project).</summary>
    protected void ActAs(SoraStudio.Web.Features.Accounts.StudioIdentity identity) =>
        _scope.ServiceProvider.GetRequiredService<SoraStudio.Web.Features.Accounts.CurrentUser>().Set(identity);

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Components first (the shot page saves its draft when disposed), then the host they use.
        await DisposeAsync();
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
