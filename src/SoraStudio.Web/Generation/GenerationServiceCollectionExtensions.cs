using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// The generation worker, its steps, the take event stream and the webhook receiver. Needs <c>IVideosApi</c>
    /// (AddVideosApi) and the data and storage areas.
    /// </summary>
    public static IServiceCollection AddStudioGeneration(this IServiceCollection services)
    {
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GenerationOptions>, GenerationOptionsValidator>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.Secret ??= configuration["OPENAI_WEBHOOK_SECRET"])
            .Validate(o => o.Tolerance > TimeSpan.Zero && o.DedupeWindow >= o.Tolerance,
                "Studio:Webhooks:Tolerance must be positive and DedupeWindow at least as long.")
            .ValidateOnStart();

        services.TryAddSingleton<ICrashPoints, NoCrashPoints>();
        // A host that registers IVideosApi itself (AddVideosApi) talks to a configured endpoint it can use.
        services.TryAddSingleton(new VideosBackend(InProcessEmulator: false));
        services.TryAddSingleton<VideosProvider>();
        services.AddSingleton<GenerationSignal>();
        services.AddSingleton<TakeLifecycle>();
        // The in-process event streams: take changes (written here) and review changes (Features/Review).
        services.TryAddSingleton(typeof(EventStream<>));
        services.AddSingleton<PollHints>();
        services.AddTransient<PollHintHandler>();
        services.AddSingleton<TakeLeases>();
        // Scoped: one scope per step, so each step gets a fresh typed Videos API client.
        services.AddScoped<SubmitStep>();
        services.AddScoped<ReconcileStep>();
        services.AddScoped<PollStep>();
        services.AddScoped<DownloadStep>();
        services.AddScoped<CancelStep>();
        services.AddScoped<TakeStepRunner>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService<GenerationWorker>();
        return services;
    }

    /// <summary>Reads the API's poll hint off the Videos API client's responses (see <see cref="PollHints"/>).</summary>
    public static IHttpClientBuilder AddStudioPollHints(this IHttpClientBuilder client) =>
        client.AddHttpMessageHandler<PollHintHandler>();
}
