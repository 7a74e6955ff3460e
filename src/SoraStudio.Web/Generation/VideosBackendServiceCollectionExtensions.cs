using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Settings;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Which Videos API the studio talks to. <paramref name="Unusable"/> says why it must not talk to it at all (the
/// worker stays idle and readiness fails): nothing may reach a provider with the wrong credentials, and the studio
/// never switches provider under takes already submitted.
/// </summary>
public sealed record VideosBackend(bool InProcessEmulator, string? Unusable = null)
{
    public const string SavedKeyUnreadable =
        "The saved provider key cannot be read — re-enter it on Settings. (The key ring it was encrypted with is missing " +
        "from the data folder, e.g. after a restore without it.) No take is submitted, polled or downloaded until then.";
}

public static class VideosBackendServiceCollectionExtensions
{
    public const string EmulatorPrefix = "/v1";

    /// <summary>
    /// With an API key (<c>Sora:ApiKey</c> or <c>OPENAI_API_KEY</c>): the configured endpoint (<c>Sora:BaseUrl</c>,
    /// the real API by default). Without one: the emulator, mounted in this app at <c>/v1</c> with its files
    /// under the data folder, and the client pointed at this app's own address. The mounted emulator requires a
    /// key made anew by every process and known only to its own client, so nobody else who reaches the port can
    /// list prompts, download clips, take job slots or delete videos (<c>Emulator:ApiKey</c> is ignored here).
    /// </summary>
    public static IServiceCollection AddStudioVideosBackend(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[StoredSettingsConfiguration.ApiKeyUnreadable] == "true")
        {
            services.AddSingleton(new VideosBackend(InProcessEmulator: false, VideosBackend.SavedKeyUnreadable));
            // Registered so that everything resolves; nothing calls it while the backend is unusable.
            services.AddVideosApi(configuration).AddStudioPollHints();
            services.PostConfigure<VideosApiOptions>(o => o.ApiKey = "unreadable-saved-key");
            return services;
        }
        var hasKey = !string.IsNullOrWhiteSpace(configuration["Sora:ApiKey"]) || !string.IsNullOrWhiteSpace(configuration["OPENAI_API_KEY"]);
        services.AddSingleton(new VideosBackend(InProcessEmulator: !hasKey));
        if (hasKey)
        {
            services.AddVideosApi(configuration).AddStudioPollHints();
            return services;
        }

        var processKey = NewProcessKey();
        services.AddVideosEmulator(configuration, o => o.ApiKey = processKey);
        if (string.IsNullOrWhiteSpace(configuration["Emulator:DataPath"]))
            services.AddOptions<EmulatorOptions>().PostConfigure<StudioPaths>((o, paths) => o.DataPath = paths.Emulator);
        services.AddSingleton<SelfAddress>();
        services.AddTransient<SelfAddressHandler>();
        services.AddOptions<VideosApiOptions>().Bind(configuration.GetSection(VideosApiOptions.SectionName));
        services.AddVideosApi(o =>
            {
                o.BaseUrl = SelfAddress.PlaceholderBaseUrl.ToString();
                o.ApiKey = processKey;
            })
            .AddHttpMessageHandler<SelfAddressHandler>()
            .AddStudioPollHints();
        return services;
    }

    private static string NewProcessKey() => "emu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>With the in-process emulator: maps it at <c>/v1</c> and learns this app's address once it listens.</summary>
    public static WebApplication MapStudioVideosBackend(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<VideosBackend>().InProcessEmulator)
            return app;
        // The emulator checks its own bearer key (this process's); the studio's sign-in does not apply to it.
        app.MapGroup("").AllowAnonymous().MapVideosEmulator(EmulatorPrefix);
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<SelfAddress>().Resolve(app.Services.GetRequiredService<IServer>()));
        return app;
    }
}
