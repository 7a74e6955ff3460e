using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace SoraStudio.SoraApi;

/// <summary>The <see cref="IVideosApi"/> over <see cref="HttpClient"/>; register it with <c>AddVideosApi</c>.</summary>
public sealed class VideosApiClient : IVideosApi
{
    private const int ListPageSize = 100;
    private const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly VideosApiOptions _options;
    private readonly Uri _baseUri;
    private readonly VideosApiErrors _errors;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _paid;

    /// <param name="timeProvider">Drives the waits between retries (tests pass one that does not wait).</param>
    public VideosApiClient(
        HttpClient httpClient,
        IOptions<VideosApiOptions> options,
        ILogger<VideosApiClient>? logger = null,
        TimeProvider? timeProvider = null)
    {
        _http = httpClient;
        _options = options.Value;
        VideosApiOptionsValidator.ThrowIfInvalid(_options);
        _baseUri = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
        timeProvider ??= TimeProvider.System;
        ILogger log = logger ?? NullLogger<VideosApiClient>.Instance;
        _errors = new VideosApiErrors(timeProvider, _options.ApiKey);
        _reads = VideosApiResilience.Build(_options, paid: false, timeProvider, log);
        _paid = VideosApiResilience.Build(_options, paid: true, timeProvider, log);
    }

    public async Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Prompt, nameof(request));
        // Read once up front: a retry (rate limit, refused connection) must send the same bytes again.
        var image = request.InputReference is { } upload ? await ReadAllAsync(upload.Content, cancellationToken) : null;
        return await SendJsonAsync(
            VideosApiOperation.CreateVideo,
            () => new HttpRequestMessage(HttpMethod.Post, Endpoint("videos")) { Content = CreateVideoContent(request, image) },
            VideosApiJsonContext.Default.VideoJob,
            cancellationToken);
    }

    public Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        ArgumentException.ThrowIfNullOrEmpty(prompt);
        var body = JsonSerializer.SerializeToUtf8Bytes(new RemixVideoBody(prompt), VideosApiJsonContext.Default.RemixVideoBody);
        return SendJsonAsync(
            VideosApiOperation.RemixVideo,
            () => new HttpRequestMessage(HttpMethod.Post, Endpoint($"videos/{Escape(videoId)}/remix"))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            },
            VideosApiJsonContext.Default.VideoJob,
            cancellationToken);
    }

    public Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        return SendJsonAsync(
            VideosApiOperation.GetVideo,
            () => new HttpRequestMessage(HttpMethod.Get, Endpoint($"videos/{Escape(videoId)}")),
            VideosApiJsonContext.Default.VideoJob,
            cancellationToken);
    }

    public Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The API accepts 0 to 100.");
        }
        var query = new List<string>(3);
        if (limit is { } l) query.Add($"limit={l}");
        if (!string.IsNullOrEmpty(order)) query.Add($"order={Escape(order)}");
        if (!string.IsNullOrEmpty(after)) query.Add($"after={Escape(after)}");
        var path = query.Count == 0 ? "videos" : "videos?" + string.Join('&', query);
        return SendJsonAsync(
            VideosApiOperation.ListVideos,
            () => new HttpRequestMessage(HttpMethod.Get, Endpoint(path)),
            VideosApiJsonContext.Default.VideoPage,
            cancellationToken);
    }

    public async IAsyncEnumerable<VideoJob> ListAllVideosAsync(string? order = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var page = await ListVideosAsync(ListPageSize, order, after, cancellationToken);
            foreach (var video in page.Data)
            {
                yield return video;
            }
            if (!page.HasMore || string.IsNullOrEmpty(page.LastId))
            {
                yield break;
            }
            if (page.LastId == after)
            {
                throw new VideosApiException(ApiErrorKind.Server, $"{VideosApiOperation.ListVideos} returned the same page twice (last_id {after}).");
            }
            after = page.LastId;
        }
    }

    public Task<DeletedVideo> DeleteVideoAsync(string videoId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        return SendJsonAsync(
            VideosApiOperation.DeleteVideo,
            () => new HttpRequestMessage(HttpMethod.Delete, Endpoint($"videos/{Escape(videoId)}")),
            VideosApiJsonContext.Default.DeletedVideo,
            cancellationToken);
    }

    public async Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(variant);
        var uri = Endpoint($"videos/{Escape(videoId)}/content?variant={Escape(variant)}");
        var response = await _reads.ExecuteAsync(
            static (state, token) => state.self.AttemptDownloadAsync(state.uri, token),
            (self: this, uri),
            cancellationToken);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var stream = new DownloadStream(response, body, videoId, _options.DownloadTimeout);
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return new VideoContent(stream, contentType, response.Content.Headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private Task<T> SendJsonAsync<T>(
        VideosApiOperation operation, Func<HttpRequestMessage> createRequest, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        (operation.IsPaid() ? _paid : _reads).ExecuteAsync(
            static (state, token) => state.self.AttemptJsonAsync(state.operation, state.createRequest, state.typeInfo, token),
            (self: this, operation, createRequest, typeInfo),
            cancellationToken).AsTask();

    private async ValueTask<T> AttemptJsonAsync<T>(
        VideosApiOperation operation, Func<HttpRequestMessage> createRequest, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = createRequest();
        Authorize(request);
        request.Headers.Accept.ParseAdd("application/json");
        HttpStatusCode? status = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw await _errors.FromResponseAsync(operation, response, timeout.Token);
            }
            try
            {
                return await response.Content.ReadFromJsonAsync(typeInfo, timeout.Token)
                    ?? throw _errors.Malformed(operation, response, null);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                throw _errors.Malformed(operation, response, e);
            }
        }
        catch (Exception e) when (e is not VideosApiException && !cancellationToken.IsCancellationRequested)
        {
            throw _errors.FromTransportFault(operation, e, timedOut: timeout.IsCancellationRequested, status);
        }
    }

    /// <summary>One attempt to get a download's headers, following redirects itself so that credentials never leave the API's origin.</summary>
    private async ValueTask<HttpResponseMessage> AttemptDownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var target = uri;
        for (var redirects = 0; ; redirects++)
        {
            HttpResponseMessage response;
            using (var request = new HttpRequestMessage(HttpMethod.Get, target))
            {
                if (IsApiOrigin(target))
                {
                    Authorize(request);
                }
                request.Headers.Accept.ParseAdd("*/*");
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw _errors.FromTransportFault(VideosApiOperation.DownloadContent, e, timedOut: timeout.IsCancellationRequested);
                }
            }
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location && redirects < MaxRedirects)
            {
                response.Dispose();
                target = location.IsAbsoluteUri ? location : new Uri(target, location);
                continue;
            }
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                throw await _errors.FromResponseAsync(VideosApiOperation.DownloadContent, response, timeout.Token);
            }
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        if (!string.IsNullOrEmpty(_options.Organization))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Organization", _options.Organization);
        }
        if (!string.IsNullOrEmpty(_options.Project))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Project", _options.Project);
        }
    }

    private bool IsApiOrigin(Uri uri) =>
        Uri.Compare(uri, _baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private Uri Endpoint(string relative) => new(_baseUri, relative);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>The multipart body exactly as the official SDKs send it: quoted part names, text parts without a content type.</summary>
    private static MultipartFormDataContent CreateVideoContent(CreateVideoRequest request, byte[]? image)
    {
        var content = new MultipartFormDataContent();
        AddText(content, "prompt", request.Prompt);
        AddText(content, "model", request.Model);
        AddText(content, "size", request.Size);
        AddText(content, "seconds", request.Seconds);
        if (request.InputReference is { } upload && image is not null)
        {
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(upload.ContentType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = "\"input_reference\"",
                FileName = "\"" + upload.FileName.Replace("\"", "", StringComparison.Ordinal) + "\"",
            };
            content.Add(file);
        }
        return content;
    }

    private static void AddText(MultipartFormDataContent content, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        var part = new StringContent(value);
        part.Headers.ContentType = null;
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
        content.Add(part);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = stream.CanSeek ? new MemoryStream((int)Math.Max(0, stream.Length - stream.Position)) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
