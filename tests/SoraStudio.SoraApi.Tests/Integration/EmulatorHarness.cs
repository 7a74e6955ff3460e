using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>
/// A fresh emulator on a real port and the client registered as the app registers it (AddVideosApi), with retry
/// waits skipped and every attempt the client makes counted.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-emulator-test-key-123456";

    private readonly ServiceProvider _services;

    private EmulatorHarness(EmulatorServer server, ServiceProvider services, AttemptCounter attempts)
    {
        Server = server;
        _services = services;
        Attempts = attempts;
        Client = services.GetRequiredService<IVideosApi>();
    }

    public EmulatorServer Server { get; }
    public IVideosApi Client { get; }
    public AttemptCounter Attempts { get; }
    public InstantTimeProvider Time => (InstantTimeProvider)_services.GetRequiredService<TimeProvider>();

    public static async Task<EmulatorHarness> StartAsync(
        Action<EmulatorOptions>? emulator = null, Action<VideosApiOptions>? client = null, Action<IHttpClientBuilder>? http = null)
    {
        var server = await EmulatorServer.StartAsync(o =>
        {
            o.ApiKey = ApiKey;
            o.Media.UseFfmpeg = false;
            o.QueueDelayMs = 20;
            o.RenderSecondsPerVideoSecond = 0.05;
            o.Faults.Seed = 7;
            emulator?.Invoke(o);
        });
        var attempts = new AttemptCounter();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new InstantTimeProvider());
        var builder = services.AddVideosApi(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ApiKey = ApiKey;
            client?.Invoke(o);
        }).AddHttpMessageHandler(() => new CountingHandler(attempts));
        http?.Invoke(builder);
        return new EmulatorHarness(server, services.BuildServiceProvider(), attempts);
    }

    /// <summary>Polls until the video reaches completed or failed.</summary>
    public async Task<VideoJob> WaitUntilDoneAsync(string videoId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var video = await Client.GetVideoAsync(videoId, limit.Token);
            if (video.IsTerminal)
            {
                return video;
            }
            await Task.Delay(50, limit.Token);
        }
    }

    public async Task<VideoJob> CreateCompletedAsync(string prompt = "A lighthouse at dusk") =>
        await WaitUntilDoneAsync((await Client.CreateVideoAsync(new CreateVideoRequest(prompt))).Id);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>The attempts that left the client, including those the server never answered.</summary>
    internal sealed class AttemptCounter
    {
        private int _count;
        public int Count => _count;
        public void Increment() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHandler(AttemptCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Increment();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
