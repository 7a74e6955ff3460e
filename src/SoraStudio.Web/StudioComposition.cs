using Radzen;
using SoraStudio.SoraApi;
using SoraStudio.Web.Components;
using SoraStudio.Web.Components.Layout;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Web.Features.Api;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Insight;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Operations;
using SoraStudio.Web.Security;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web;

/// <summary>What a host changes about the studio it builds; <c>Program.cs</c> takes the defaults.</summary>
public sealed class StudioHostOptions
{
    /// <summary>Configuration laid over the files, the environment and the command line; the settings the owner saved on /settings lie over it.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>false: no generation worker in this process (as <c>Studio:Generation:Enabled=false</c>).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Wraps the Videos API client that every step and service gets (e.g. to lose a create's response).</summary>
    public Func<IVideosApi, IVideosApi>? DecorateVideosApi { get; set; }

    /// <summary>The studio's clock; the system's in the app.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Where a test stops the worker mid-step; none in the app.</summary>
    internal ICrashPoints? CrashPoints { get; set; }
}

/// <summary>
/// The studio's one composition root: the app (<c>Program.cs</c>), every test host and the benchmarks build the studio
/// with <see cref="AddStudio"/> and <see cref="MapStudio"/>, and change it only through <see cref="StudioHostOptions"/>.
/// </summary>
public static class StudioComposition
{
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder, StudioHostOptions? options = null)
    {
        options ??= new StudioHostOptions();
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The host's settings over the configuration's, and the Videos API settings the owner saved on the settings
        // page over both (as in the app, where the host sets none): a restored or reopened data folder keeps its provider.
        if (!options.RunWorker)
            options.Settings["Studio:Generation:Enabled"] = "false";
        if (options.Settings.Count > 0)
            configuration.AddInMemoryCollection(options.Settings);
        configuration.AddStudioStoredSettings(builder.Environment);

        // Blazor Server with Radzen components; what the app shell shows about the current page, one per circuit.
        services.AddRazorComponents().AddInteractiveServerComponents()
            // A composer field holds up to a whole prompt's 32,000 characters, sent whole on every keystroke (FieldLimits).
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = Components.Fields.FieldLimits.MaxMessageBytes);
        services.AddRadzenComponents();
        services.AddScoped<ShellState>();

        // SQLite (migrated at start) and the content-addressed clip store, under Studio:DataPath (./data).
        services.AddStudioData();
        services.AddStudioStorage();

        // The Videos API: the configured endpoint with an API key, else the emulator mounted in this app at /v1.
        services.AddStudioVideosBackend(configuration);
        if (options.DecorateVideosApi is { } decorate)
            services.DecorateVideosApi(decorate);

        // The generation worker and webhook receiver; the application services the UI and the automation API share.
        if (options.CrashPoints is { } crashPoints)
            services.AddSingleton(crashPoints);
        if (options.Clock is { } clock)
            services.AddSingleton(clock);
        services.AddStudioGeneration();
        services.AddStudioFeatures(configuration);

        // Health checks (/health/live, /health/ready) and the log of the server's share of interaction latency.
        services.AddStudioHealth();
        services.AddStudioDiagnostics();

        // The automation API under /api/v1 and its OpenAPI document at /openapi/v1.json.
        services.AddStudioApi();
        // Accounts and roles per project (every endpoint needs a signed-in user unless it says otherwise).
        services.AddStudioAccounts();
        // Personal access tokens (/account/tokens) and the bearer scheme the automation API requires.
        services.AddStudioApiTokens();
        return builder;
    }

    public static WebApplication MapStudio(this WebApplication app)
    {
        // nosniff on every answer, the Content-Security-Policy on pages, Connection: close on a 413.
        app.UseStudioHttpHardening();
        // A request id on every response and log line; errors as pages, the API's as problem details.
        app.UseStudioRequestIds();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStudioApiProblems();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // The pages and their files, then each area's endpoints.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapStudioVideosBackend();
        app.MapStudioWebhooks();
        app.MapStudioAccounts();
        app.MapStudioMedia();
        app.MapStudioAssets();
        app.MapStudioCast();
        app.MapStudioExport();
        app.MapStudioInsight();
        app.MapStudioHealth();
        app.MapStudioApi();
        return app;
    }

    /// <summary>Wraps whatever <see cref="IVideosApi"/> is registered, keeping its lifetime.</summary>
    private static void DecorateVideosApi(this IServiceCollection services, Func<IVideosApi, IVideosApi> decorate)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IVideosApi));
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(typeof(IVideosApi), sp => decorate((IVideosApi)Create(inner, sp)), inner.Lifetime));
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
