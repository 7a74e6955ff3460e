using SoraStudio.SoraApi;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// The real client, except that creates end in "outcome unknown" while <paramref name="losses"/> lasts: after
/// reaching the provider (the response was lost) or, with <see cref="Losses.Sent"/> false, before it (the
/// request was lost). Everything else passes through.
/// </summary>
public sealed class LostResponseApi(IVideosApi inner, LostResponseApi.Losses losses) : IVideosApi
{
    /// <summary>How many creates to lose, shared by the client instances of one host.</summary>
    public sealed class Losses(int count, bool sent)
    {
        private int _left = count;

        public bool Sent { get; } = sent;

        public bool TakeOne() => Interlocked.Decrement(ref _left) >= 0;
    }

    public async Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default)
    {
        if (!losses.TakeOne())
            return await inner.CreateVideoAsync(request, cancellationToken);
        if (losses.Sent)
            await inner.CreateVideoAsync(request, cancellationToken);
        throw new VideosApiException(ApiErrorKind.OutcomeUnknown, "CreateVideo timed out. The video may have been created: reconcile before submitting again.");
    }

    public Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default) => inner.RemixVideoAsync(videoId, prompt, cancellationToken);
    public Task<VideoJob> EditVideoAsync(EditVideoRequest request, CancellationToken cancellationToken = default) => inner.EditVideoAsync(request, cancellationToken);
    public Task<VideoJob> ExtendVideoAsync(ExtendVideoRequest request, CancellationToken cancellationToken = default) => inner.ExtendVideoAsync(request, cancellationToken);
    public Task<VideoCharacter> CreateCharacterAsync(CreateCharacterRequest request, CancellationToken cancellationToken = default) => inner.CreateCharacterAsync(request, cancellationToken);
    public Task<VideoCharacter> GetCharacterAsync(string characterId, CancellationToken cancellationToken = default) => inner.GetCharacterAsync(characterId, cancellationToken);
    public Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default) => inner.GetVideoAsync(videoId, cancellationToken);
    public Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default) => inner.ListVideosAsync(limit, order, after, cancellationToken);
    public IAsyncEnumerable<VideoJob> ListAllVideosAsync(string? order = null, CancellationToken cancellationToken = default) => inner.ListAllVideosAsync(order, cancellationToken);
    public Task<DeletedVideo> DeleteVideoAsync(string videoId, CancellationToken cancellationToken = default) => inner.DeleteVideoAsync(videoId, cancellationToken);
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default) => inner.DownloadContentAsync(videoId, variant, cancellationToken);
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant, ByteRange? range, CancellationToken cancellationToken = default) => inner.DownloadContentAsync(videoId, variant, range, cancellationToken);
}
