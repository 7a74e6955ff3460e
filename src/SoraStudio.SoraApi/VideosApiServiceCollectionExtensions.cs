using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SoraStudio.SoraApi;

public static class VideosApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IVideosApi"/> with options bound from the section <c>Sora</c> of <paramref name="configuration"/>
    /// (the app's configuration root); <c>OPENAI_API_KEY</c> stands in for a missing <c>Sora:ApiKey</c>. Validated on start.
    /// </summary>
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
        return services
            // The client times each attempt itself; HttpClient's own 100 s limit would cut long downloads.
            .AddHttpClient<IVideosApi, VideosApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // Redirects are followed by the client, which drops credentials when one leaves the API's origin.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RedactLoggedHeaders(["Authorization", "OpenAI-Organization", "OpenAI-Project"]);
    }
}
