using SoraStudio.SoraApi;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// The real client until the first create has reached the provider; at that instant <see cref="Cut"/> runs its
/// snapshot of the studio's files (what a power cut leaves on disk) and the power goes off: that call and every
/// later one throw without reaching the provider, so the dying studio adds nothing the snapshot does not know.
/// </summary>
public sealed class PowerCutApi(IVideosApi inner, PowerCutApi.Cut cut) : IVideosApi
{
    /// <summary>Shared by the client instances of one host.</summary>
    public sealed class Cut(Action snapshot)
    {
        private readonly TaskCompletionSource _happened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _off;

        public Task Happened => _happened.Task;

        public void EnsureOn()
        {
            if (Volatile.Read(ref _off) == 1)
                throw new InvalidOperationException("The power is off.");
        }

        public void Now()
        {
            if (Interlocked.Exchange(ref _off, 1) == 1)
                return;
            snapshot();
            _happened.TrySetResult();
        }
    }

    public async Task<VideoJob> CreateVideoAsync(CreateVideoRequest request, CancellationToken cancellationToken = default)
    {
        cut.EnsureOn();
        await inner.CreateVideoAsync(request, cancellationToken);
        cut.Now();
        throw new InvalidOperationException("The power went off as the create returned.");
    }

    public Task<VideoJob> RemixVideoAsync(string videoId, string prompt, CancellationToken cancellationToken = default) => On(() => inner.RemixVideoAsync(videoId, prompt, cancellationToken));
    public Task<VideoJob> EditVideoAsync(EditVideoRequest request, CancellationToken cancellationToken = default) => On(() => inner.EditVideoAsync(request, cancellationToken));
    public Task<VideoJob> ExtendVideoAsync(ExtendVideoRequest request, CancellationToken cancellationToken = default) => On(() => inner.ExtendVideoAsync(request, cancellationToken));
    public Task<VideoCharacter> CreateCharacterAsync(CreateCharacterRequest request, CancellationToken cancellationToken = default) => On(() => inner.CreateCharacterAsync(request, cancellationToken));
    public Task<VideoCharacter> GetCharacterAsync(string characterId, CancellationToken cancellationToken = default) => On(() => inner.GetCharacterAsync(characterId, cancellationToken));
    public Task<VideoJob> GetVideoAsync(string videoId, CancellationToken cancellationToken = default) => On(() => inner.GetVideoAsync(videoId, cancellationToken));
    public Task<VideoPage> ListVideosAsync(int? limit = null, string? order = null, string? after = null, CancellationToken cancellationToken = default) => On(() => inner.ListVideosAsync(limit, order, after, cancellationToken));
    public IAsyncEnumerable<VideoJob> ListAllVideosAsync(string? order = null, CancellationToken cancellationToken = default)
    {
        cut.EnsureOn();
        return inner.ListAllVideosAsync(order, cancellationToken);
    }
    public Task<DeletedVideo> DeleteVideoAsync(string videoId, CancellationToken cancellationToken = default) => On(() => inner.DeleteVideoAsync(videoId, cancellationToken));
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant = VideoVariant.Video, CancellationToken cancellationToken = default) => On(() => inner.DownloadContentAsync(videoId, variant, cancellationToken));
    public Task<VideoContent> DownloadContentAsync(string videoId, string variant, ByteRange? range, CancellationToken cancellationToken = default) => On(() => inner.DownloadContentAsync(videoId, variant, range, cancellationToken));

    private Task<T> On<T>(Func<Task<T>> call)
    {
        cut.EnsureOn();
        return call();
    }
}
