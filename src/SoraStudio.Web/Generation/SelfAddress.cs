using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SoraStudio.Web.Generation;

/// <summary>
/// This app's own listening address, known only once the server has started (a port may be chosen at bind
/// time). The in-process emulator is reached at a placeholder base URL that <see cref="SelfAddressHandler"/>
/// rewrites per request, so the Videos API client can be built and validated before the address exists.
/// </summary>
public sealed class SelfAddress
{
    public const string PlaceholderHost = "sora-studio.in-process.invalid";

    public static Uri PlaceholderBaseUrl { get; } = new($"http://{PlaceholderHost}/v1");

    private readonly TaskCompletionSource<Uri> _origin = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> GetOriginAsync(CancellationToken cancellationToken) => _origin.Task.WaitAsync(cancellationToken);

    /// <summary>Reads the server's addresses; call once the app has started.</summary>
    public void Resolve(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (Pick(addresses) is { } origin)
            _origin.TrySetResult(origin);
        else
            _origin.TrySetException(new InvalidOperationException(
                "The in-process emulator needs the app's listening address, and the server reports none (an in-memory test server?). " +
                "Set Sora:BaseUrl and Sora:ApiKey to use another endpoint."));
    }

    /// <summary>The first http address (else https), with wildcard hosts turned into loopback.</summary>
    internal static Uri? Pick(IEnumerable<string> addresses)
    {
        var parsed = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (parsed is null)
            return null;
        var host = parsed.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var other => other,
        };
        return new UriBuilder(parsed.Scheme, host, parsed.Port).Uri;
    }
}

/// <summary>Sends requests for the placeholder host to this app's real address.</summary>
public sealed class SelfAddressHandler(SelfAddress self) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host == SelfAddress.PlaceholderHost)
        {
            var origin = await self.GetOriginAsync(cancellationToken);
            request.RequestUri = new UriBuilder(uri) { Scheme = origin.Scheme, Host = origin.Host, Port = origin.Port }.Uri;
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
