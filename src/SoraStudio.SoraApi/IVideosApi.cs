namespace SoraStudio.SoraApi;

/// <summary>
/// The Videos API (<c>/v1/videos</c>), one method per endpoint, on a Refit interface (see <see cref="VideosApiClient"/>).
/// Failures surface as <see cref="VideosApiException"/>.
/// </summary>
public interface IVideosApi
{
    /// <summary>
    /// <c>POST /videos</c>: multipart, or JSON when the first frame is an <see cref="ImageInputReference"/>.
    /// Paid: see <see cref="ApiErrorKind.OutcomeUnknown"/>.
    /// </summary>
    Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /videos/{id}/remix</c>. Paid, like create.</summary>
    Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /videos/edits</c>: JSON for a source by id, multipart for an uploaded one. Paid, like create: a failure
    /// that does not prove nothing was created is <see cref="ApiErrorKind.OutcomeUnknown"/>.
    /// </summary>
    Task<VideoJob> EditVideoAsync(EditVideoRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /videos/extensions</c>: as edits. The new video's <c>seconds</c> is the stitched total. Paid.</summary>
    Task<VideoJob> ExtendVideoAsync(ExtendVideoRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /videos/characters</c> (multipart). Paid and not idempotent, like create.</summary>
    Task<VideoCharacter> CreateCharacterAsync(CreateCharacterRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /videos/characters/{id}</c>.</summary>
    Task<VideoCharacter> GetCharacterAsync(string characterId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /videos/{id}</c>.</summary>
    Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /videos</c>: one page.</summary>
    Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default);

    /// <summary>Every video, walking the pages with <c>after</c>.</summary>
    IAsyncEnumerable<VideoJob> ListAllVideosAsync(string? order = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /videos/{id}</c>.</summary>
    Task<DeletedVideo> DeleteVideoAsync(string videoId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /videos/{id}/content?variant=</c>: the response body as a stream, never buffered whole.
    /// Dispose the result to release the connection.
    /// </summary>
    Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default);

    /// <summary>
    /// Part of a variant (<c>Range</c>), e.g. to resume a download that broke off. A server that ignores ranges sends
    /// the whole: <see cref="VideoContent.Range"/> is then null.
    /// </summary>
    Task<VideoContent> DownloadContentAsync(string videoId, string variant, ByteRange? range, CancellationToken cancellationToken = default);
}
