using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;
using SoraStudio.SoraApi.Http;

namespace SoraStudio.SoraApi;

public static class VideosApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IVideosApi"/> with options bound from the section <c>Sora</c> of <paramref name="configuration"/>
    /// (the app's configuration root); <c>OPENAI_API_KEY</c> stands in for a missing <c>Sora:ApiKey</c>. Validated on start.
    /// </summary>
    /// <returns>The builder of the named client <c>IVideosApi</c>: handlers added to it run inside the policy, once per attempt.</returns>
    public static IHttpClientBuilder AddVideosApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VideosApiOptions>()
            .Bind(configuration.GetSection(VideosApiOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                {
                    options.ApiKey = configuration["OPENAI_API_KEY"];
                }
            });
        return services.AddVideosApiClient();
    }

    /// <summary>Registers <see cref="IVideosApi"/> with options set in code. Validated on start.</summary>
    public static IHttpClientBuilder AddVideosApi(this IServiceCollection services, Action<VideosApiOptions> configure)
    {
        services.AddOptions<VideosApiOptions>().Configure(configure);
        return services.AddVideosApiClient();
    }

    private static IHttpClientBuilder AddVideosApiClient(this IServiceCollection services)
    {
        services.AddOptions<VideosApiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VideosApiOptions>, VideosApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<IVideosApi>(sp => new VideosApiClient(sp.GetRequiredService<IVideosRestApi>(), Options(sp)));
        return services
            .AddRefitGeneratedClient<IVideosRestApi>(sp => VideosApiRefitSettings.Create(Options(sp).Value), nameof(IVideosApi))
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = BaseUri(Options(sp).Value);
                // The policy times each attempt; HttpClient's own 100 s limit would cut long downloads.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Redirects are followed by the policy, which drops credentials when one leaves the API's origin.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new ApiPolicyHandler(
                Policy(Options(sp).Value), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ApiPolicyHandler>>()))
            .RedactLoggedHeaders(CredentialHeaders);
    }

    private static readonly string[] CredentialHeaders = ["Authorization", "OpenAI-Organization", "OpenAI-Project"];

    private static IOptions<VideosApiOptions> Options(IServiceProvider services) => services.GetRequiredService<IOptions<VideosApiOptions>>();

    private static Uri BaseUri(VideosApiOptions options) => new(options.BaseUrl.TrimEnd('/') + "/");

    private static ApiPolicy Policy(VideosApiOptions options)
    {
        var credentials = new List<KeyValuePair<string, string>> { new(CredentialHeaders[0], "Bearer " + options.ApiKey) };
        if (!string.IsNullOrEmpty(options.Organization))
        {
            credentials.Add(new(CredentialHeaders[1], options.Organization));
        }
        if (!string.IsNullOrEmpty(options.Project))
        {
            credentials.Add(new(CredentialHeaders[2], options.Project));
        }
        return new ApiPolicy
        {
            BaseUri = BaseUri(options),
            Credentials = credentials,
            Secret = options.ApiKey,
            Timeout = options.Timeout,
            MaxRetries = options.MaxRetries,
            BaseDelay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            MaxRetryAfter = options.MaxRetryAfter,
        };
    }
}
