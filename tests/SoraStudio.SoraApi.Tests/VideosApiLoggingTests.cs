using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

public sealed class VideosApiLoggingTests
{
    [Fact]
    public async Task RetriesAreLoggedAndTheKeyNeverIs()
    {
        var sink = new LogSink();
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.ServiceUnavailable, ApiJson.Error($"Overloaded for key {TestClient.ApiKey}", "server_error"))
            .Then(HttpStatusCode.Unauthorized, ApiJson.Error($"Incorrect API key provided: {TestClient.ApiKey}", "invalid_request_error"));
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(sink))
            .AddSingleton<TimeProvider>(new InstantTimeProvider());
        services.AddVideosApi(o =>
        {
            o.BaseUrl = TestClient.BaseUrl;
            o.ApiKey = TestClient.ApiKey;
            o.Organization = "org_secretive";
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var e = await Assert.ThrowsAsync<VideosApiException>(() => provider.GetRequiredService<IVideosApi>().GetVideoAsync("video_1"));

        Assert.Equal(ApiErrorKind.Authentication, e.Kind);
        Assert.Equal(2, handler.Count);
        Assert.Contains(sink.Lines, l => l.Contains("retry 1 of 2"));
        Assert.Contains(sink.Lines, l => l.Contains("Authorization: *"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(TestClient.ApiKey) || l.Contains("org_secretive"));
    }

    private sealed class LogSink : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Dispose() { }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Enqueue(formatter(state, exception) + " " + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                Lines.Enqueue(string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")));
            }
        }
    }
}
