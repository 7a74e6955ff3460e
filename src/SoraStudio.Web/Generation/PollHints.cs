using System.Collections.Concurrent;
using System.Globalization;

namespace SoraStudio.Web.Generation;

/// <summary>
/// The API's poll hint (<c>openai-poll-after-ms</c> on <c>GET /videos/{id}</c>) per video. <c>IVideosApi</c>
/// returns only the video object, so <see cref="PollHintHandler"/> reads the header off the wire.
/// </summary>
public sealed class PollHints
{
    private readonly ConcurrentDictionary<string, TimeSpan> _hints = new(StringComparer.Ordinal);

    public void Record(string videoId, TimeSpan hint) => _hints[videoId] = hint;

    public TimeSpan? Take(string videoId) => _hints.TryRemove(videoId, out var hint) ? hint : null;
}

/// <summary>Records the poll hint of every video status response passing through the Videos API client.</summary>
public sealed class PollHintHandler(PollHints hints) : DelegatingHandler
{
    public const string Header = "openai-poll-after-ms";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get
            && request.RequestUri?.Segments is [.., var videos, var id] && videos.Equals("videos/", StringComparison.Ordinal)
            && response.Headers.TryGetValues(Header, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 86_400_000)
        {
            hints.Record(Uri.UnescapeDataString(id), TimeSpan.FromMilliseconds(ms));
        }
        return response;
    }
}
