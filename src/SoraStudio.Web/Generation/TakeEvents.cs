using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SoraStudio.Web.Generation;

/// <summary>
/// The in-process "take changed" stream. A component subscribes (and disposes the subscription); a handler
/// must be quick and must not throw, since it runs on the writer's thread. Changes made by another studio
/// process on the same database are not seen here.
/// </summary>
public sealed class TakeEvents(ILogger<TakeEvents> logger)
{
    private ImmutableArray<Action<TakeChanged>> _handlers = [];

    public IDisposable Subscribe(Action<TakeChanged> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    /// <summary>The changes from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<TakeChanged> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<TakeChanged>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = Subscribe(change => channel.Writer.TryWrite(change));
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var change))
                yield return change;
        }
    }

    public void Publish(TakeChanged change)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                // One broken view must not stop the worker or the other views.
                logger.LogError(e, "A take-changed handler failed for take {TakeId}.", change.TakeId);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
