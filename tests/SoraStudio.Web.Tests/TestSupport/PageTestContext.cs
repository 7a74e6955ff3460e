using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Components.Layout;
using SoraStudio.Web.Tests.Features.Compose;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// bUnit for pages that use the application services: an offline studio host (its own SQLite in a temp folder,
/// no worker) answers every service bUnit does not have, from one scope for the test.
/// </summary>
public abstract class PageTestContext : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private AsyncServiceScope _scope;

    protected StudioTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await OfflineStudio.StartAsync(_folder);
        _scope = Host.Services.CreateAsyncScope();
        Services.AddScoped<ShellState>();
        // As in the app: pages run in a live server circuit.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Components first (the shot page saves its draft when disposed), then the host they use.
        await DisposeAsync();
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
