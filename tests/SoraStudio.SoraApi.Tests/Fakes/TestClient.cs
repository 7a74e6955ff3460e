using Microsoft.Extensions.DependencyInjection;

namespace SoraStudio.SoraApi.Tests.Fakes;

/// <summary>The client as <c>AddVideosApi</c> composes it (Refit, the policy handler, logging), over a given handler in place of the network.</summary>
internal static class TestClient
{
    public const string ApiKey = "sk-test-SECRET-0123456789abcdef";
    public const string BaseUrl = "https://api.test/v1";

    public static IVideosApi Create(HttpMessageHandler handler, TimeProvider? time = null, Action<VideosApiOptions>? configure = null)
    {
        var services = new ServiceCollection().AddSingleton(time ?? new InstantTimeProvider());
        services.AddVideosApi(o =>
        {
            o.BaseUrl = BaseUrl;
            o.ApiKey = ApiKey;
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider().GetRequiredService<IVideosApi>();
    }
}
