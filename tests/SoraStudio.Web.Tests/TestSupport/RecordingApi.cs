using SoraStudio.SoraApi;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>The real client, recording the create requests it sends (what a test checks the studio asked for).</summary>
public sealed class RecordingApi(IVideosApi inner, RecordingApi.Log log) : IVideosApi
{
    /// <summary>Shared by the client instances of one host.</summary>
    public sealed class Log
    {
        private readonly List<CreateVideoRequest> _creates = [];

        public IReadOnlyList<CreateVideoRequest> Creates { get { lock (_creates) return [.. _creates]; } }

        internal void Add(CreateVideoRequest request) { lock (_creates) _creates.Add(request); }
    }

    public Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default)
    {
        log.Add(request);
        return inner.CreateVideoAsync(request, cancellationToken);
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

/// <summary>The real client, except that character creations end in "outcome unknown" after reaching the provider; it keeps what the provider answered.</summary>
public sealed class LostCharacterApi(IVideosApi inner, LostCharacterApi.Made made) : IVideosApi
{
    public sealed class Made
    {
        private readonly List<VideoCharacter> _characters = [];

        public IReadOnlyList<VideoCharacter> Characters { get { lock (_characters) return [.. _characters]; } }

        internal void Add(VideoCharacter character) { lock (_characters) _characters.Add(character); }
    }

    public async Task<VideoCharacter> CreateCharacterAsync(CreateCharacterRequest request, CancellationToken cancellationToken = default)
    {
        made.Add(await inner.CreateCharacterAsync(request, cancellationToken));
        throw new VideosApiException(ApiErrorKind.OutcomeUnknown, "CreateCharacter timed out. The video may have been created: reconcile before submitting again.");
    }

    public Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default) => inner.CreateVideoAsync(request, cancellationToken);
    public Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default) => inner.RemixVideoAsync(videoId, prompt, cancellationToken);
    public Task<VideoJob> EditVideoAsync(EditVideoRequest request, CancellationToken cancellationToken = default) => inner.EditVideoAsync(request, cancellationToken);
    public Task<VideoJob> ExtendVideoAsync(ExtendVideoRequest request, CancellationToken cancellationToken = default) => inner.ExtendVideoAsync(request, cancellationToken);
    public Task<VideoCharacter> GetCharacterAsync(string characterId, CancellationToken cancellationToken = default) => inner.GetCharacterAsync(characterId, cancellationToken);
    public Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default) => inner.GetVideoAsync(videoId, cancellationToken);
    public Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default) => inner.ListVideosAsync(limit, order, after, cancellationToken);
    public IAsyncEnumerable<VideoJob> ListAllVideosAsync(string? order = null, CancellationToken cancellationToken = default) => inner.ListAllVideosAsync(order, cancellationToken);
    public Task<DeletedVideo> DeleteVideoAsync(string videoId, CancellationToken cancellationToken = default) => inner.DeleteVideoAsync(videoId, cancellationToken);
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default) => inner.DownloadContentAsync(videoId, variant, cancellationToken);
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant, ByteRange? range, CancellationToken cancellationToken = default) => inner.DownloadContentAsync(videoId, variant, range, cancellationToken);
}
