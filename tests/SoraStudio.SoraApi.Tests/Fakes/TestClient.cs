using Microsoft.Extensions.Options;

namespace SoraStudio.SoraApi.Tests.Fakes;

internal static class TestClient
{
    public const string ApiKey = "sk-test-SECRET-0123456789abcdef";
    public const string BaseUrl = "https://api.test/v1";

    public static VideosApiClient Create(HttpMessageHandler handler, TimeProvider? time = null, Action<VideosApiOptions>? configure = null)
    {
        var options = new VideosApiOptions { BaseUrl = BaseUrl, ApiKey = ApiKey };
        configure?.Invoke(options);
        return new VideosApiClient(new HttpClient(handler), Options.Create(options), null, time ?? new InstantTimeProvider());
    }
}
