using Microsoft.Extensions.DependencyInjection.Extensions;
using SoraStudio.Emulator.Endpoints;
using SoraStudio.Emulator.Faults;
using SoraStudio.Emulator.Jobs;
using SoraStudio.Emulator.Media;
using SoraStudio.Emulator.Webhooks;

namespace SoraStudio.Emulator;

public static class EmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the emulator: options from the "Emulator" section of <paramref name="configuration"/> (if given)
    /// then <paramref name="configure"/>, the job store, the render worker and webhook delivery.
    /// </summary>
    public static IServiceCollection AddVideosEmulator(
        this IServiceCollection services, IConfiguration? configuration = null, Action<EmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<EmulatorOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(EmulatorOptions.SectionName));
        }
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.Validate(o => !string.IsNullOrWhiteSpace(o.DataPath), "Emulator:DataPath is required.")
            .Validate(o => o.RenderSecondsPerVideoSecond >= 0, "Emulator:RenderSecondsPerVideoSecond must be >= 0.")
            .Validate(o => o.MaxRunningJobs >= 1, "Emulator:MaxRunningJobs must be >= 1.")
            .Validate(o => o.ExpirySeconds >= 1, "Emulator:ExpirySeconds must be >= 1.")
            .Validate(o => o.MaxRequestBodyBytes >= 1024, "Emulator:MaxRequestBodyBytes must be >= 1024.")
            .Validate(o => IsRate(o.Faults.RateLimitRate) && IsRate(o.Faults.ServerErrorRate) && IsRate(o.Faults.SlowResponseRate) && IsRate(o.Faults.DropDownloadRate),
                "Emulator:Faults rates must be between 0 and 1.")
            .Validate(o => o.Webhook.Url is null || Uri.TryCreate(o.Webhook.Url, UriKind.Absolute, out _), "Emulator:Webhook:Url must be an absolute URL.")
            .Validate(o => o.Webhook.Secret is null || !o.Webhook.Secret.StartsWith("whsec_", StringComparison.Ordinal) || IsBase64(o.Webhook.Secret[6..]),
                "Emulator:Webhook:Secret must be 'whsec_' followed by base64.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorRequestLog>();
        services.TryAddSingleton<JobStore>();
        services.TryAddSingleton<CharacterStore>();
        services.TryAddSingleton<VideoMapper>();
        services.TryAddSingleton<VideoService>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddSingleton<FfmpegDetector>();
        services.TryAddSingleton<FfmpegRenderer>();
        services.TryAddSingleton<MediaRenderer>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<EmulatorPipelineFilter>();
        services.TryAddSingleton(sp => new EmulatorJobs(
            sp.GetRequiredService<JobStore>(), sp.GetRequiredService<VideoMapper>(), sp.GetRequiredService<EmulatorRequestLog>()));
        if (!services.Any(d => d.ServiceType == typeof(JobProcessor)))
        {
            services.AddSingleton<JobProcessor>();
            services.AddHostedService(sp => sp.GetRequiredService<JobProcessor>());
        }
        return services;
    }

    /// <summary>Maps the Videos API under <paramref name="prefix"/> (e.g. POST {prefix}/videos).</summary>
    public static IEndpointRouteBuilder MapVideosEmulator(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        var filter = endpoints.ServiceProvider.GetRequiredService<EmulatorPipelineFilter>();
        endpoints.MapGroup(prefix)
            .AddEndpointFilter(filter)
            .DisableAntiforgery()
            .MapVideoRoutes();
        return endpoints;
    }

    private static bool IsRate(double rate) => rate is >= 0 and <= 1;

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
