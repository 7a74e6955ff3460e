using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Refit;
using SoraStudio.SoraApi.Http;

namespace SoraStudio.SoraApi;

/// <summary>
/// The <see cref="IVideosApi"/> on the Refit interface <see cref="IVideosRestApi"/>: checks arguments, shapes request
/// bodies, walks pages and hands out downloads as streams. Authorization, timeouts, error classes and retries are the
/// HTTP pipeline's (<see cref="ApiPolicyHandler"/>); register both with <c>AddVideosApi</c>.
/// </summary>
public sealed class VideosApiClient : IVideosApi
{
    private const int ListPageSize = 100;

    private readonly IVideosRestApi _rest;
    private readonly VideosApiOptions _options;

    /// <summary>Over an <see cref="HttpClient"/> from <c>AddVideosApi</c> (the named client <c>IVideosApi</c>), whose pipeline holds the policy.</summary>
    public VideosApiClient(HttpClient httpClient, IOptions<VideosApiOptions> options)
    {
        _options = Validated(options);
        _rest = RestService.ForGenerated<IVideosRestApi>(httpClient, VideosApiRefitSettings.Create(_options));
    }

    internal VideosApiClient(IVideosRestApi rest, IOptions<VideosApiOptions> options)
    {
        _options = Validated(options);
        _rest = rest;
    }

    public async Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Prompt, nameof(request));
        if (request.ImageInputReference is not null && request.InputReference is not null)
        {
            throw new ArgumentException("Give the first frame as an upload or as a reference, not both.", nameof(request));
        }
        if (request.Characters.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A character id is empty.", nameof(request));
        }
        if (request.InputReference is null && (request.ImageInputReference is not null || request.Characters.Count > 0))
        {
            // Objects travel as JSON: the later guide shows characters only in a JSON body.
            IReadOnlyList<VideoReference>? characters = request.Characters.Count > 0 ? [.. request.Characters.Select(id => new VideoReference(id))] : null;
            return await _rest.CreateVideoJsonAsync(
                new CreateVideoJsonBody(request.Prompt, request.Model, request.Size, request.Seconds, request.ImageInputReference, characters),
                cancellationToken);
        }
        // Read once up front: a retry (rate limit, refused connection) must send the same bytes again.
        var image = request.InputReference is { } upload ? await ReadAllAsync(upload.Content, cancellationToken) : null;
        using var form = new MultipartFormDataContent();
        form.AddText("prompt", request.Prompt);
        form.AddText("model", request.Model);
        form.AddText("size", request.Size);
        form.AddText("seconds", request.Seconds);
        if (request.InputReference is { } file && image is not null)
        {
            form.AddFile("input_reference", image, file.FileName, file.ContentType);
        }
        foreach (var character in request.Characters)
        {
            // Nested keys as both official SDKs write them (brackets).
            form.AddText("characters[][id]", character);
        }
        return await _rest.CreateVideoAsync(form, cancellationToken);
    }

    public async Task<VideoJob> EditVideoAsync(EditVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Prompt, nameof(request));
        CheckSource(request.VideoId, request.Video, nameof(request));
        if (request.VideoId is { } id)
        {
            return await _rest.EditVideoJsonAsync(new VideoSourceJsonBody(new VideoReference(id), request.Prompt, Seconds: null), cancellationToken);
        }
        using var form = await SourceFormAsync(request.Video!, request.Prompt, seconds: null, cancellationToken);
        return await _rest.EditVideoAsync(form, cancellationToken);
    }

    public async Task<VideoJob> ExtendVideoAsync(ExtendVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Prompt, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Seconds, nameof(request));
        CheckSource(request.VideoId, request.Video, nameof(request));
        if (request.VideoId is { } id)
        {
            return await _rest.ExtendVideoJsonAsync(new VideoSourceJsonBody(new VideoReference(id), request.Prompt, request.Seconds), cancellationToken);
        }
        using var form = await SourceFormAsync(request.Video!, request.Prompt, request.Seconds, cancellationToken);
        return await _rest.ExtendVideoAsync(form, cancellationToken);
    }

    public async Task<VideoCharacter> CreateCharacterAsync(CreateCharacterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Video, nameof(request));
        var clip = await ReadAllAsync(request.Video.Content, cancellationToken);
        using var form = new MultipartFormDataContent();
        form.AddFile("video", clip, request.Video.FileName, request.Video.ContentType);
        form.AddText("name", request.Name);
        return await _rest.CreateCharacterAsync(form, cancellationToken);
    }

    public Task<VideoCharacter> GetCharacterAsync(string characterId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(characterId);
        return _rest.GetCharacterAsync(characterId, cancellationToken);
    }

    public Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        ArgumentException.ThrowIfNullOrEmpty(prompt);
        return _rest.RemixVideoAsync(videoId, new RemixVideoBody(prompt), cancellationToken);
    }

    public Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        return _rest.GetVideoAsync(videoId, cancellationToken);
    }

    public Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The API accepts 0 to 100.");
        }
        return _rest.ListVideosAsync(limit, NullIfEmpty(order), NullIfEmpty(after), cancellationToken);
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
        return _rest.DeleteVideoAsync(videoId, cancellationToken);
    }

    public Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default) =>
        DownloadContentAsync(videoId, variant, range: null, cancellationToken);

    public async Task<VideoContent> DownloadContentAsync(string videoId, string variant, ByteRange? range, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(variant);
        var response = await _rest.DownloadContentAsync(videoId, variant, range?.ToString(), cancellationToken);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var stream = new DownloadStream(response, body, videoId, _options.DownloadTimeout);
            var headers = response.Content.Headers;
            return new VideoContent(stream, headers.ContentType?.MediaType ?? "application/octet-stream", headers.ContentLength)
            {
                Range = headers.ContentRange,
            };
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static VideosApiOptions Validated(IOptions<VideosApiOptions> options)
    {
        VideosApiOptionsValidator.ThrowIfInvalid(options.Value);
        return options.Value;
    }

    private static void CheckSource(string? videoId, VideoUpload? upload, string paramName)
    {
        if (string.IsNullOrWhiteSpace(videoId) == (upload is null))
        {
            throw new ArgumentException("Name the source video by id or upload it: exactly one of the two.", paramName);
        }
    }

    /// <summary>The multipart form of edits and extensions with an uploaded source: read once, so a retry sends the same bytes.</summary>
    private static async Task<MultipartFormDataContent> SourceFormAsync(VideoUpload video, string prompt, string? seconds, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(video.Content, cancellationToken);
        var form = new MultipartFormDataContent();
        form.AddFile("video", bytes, video.FileName, video.ContentType);
        form.AddText("prompt", prompt);
        form.AddText("seconds", seconds);
        return form;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = stream.CanSeek ? new MemoryStream((int)Math.Max(0, stream.Length - stream.Position)) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
