using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SoraStudio.Web.Generation;

/// <summary>
/// An in-process stream of one kind of event: <see cref="TakeChanged"/> (a take's state as just written) and
/// <c>ReviewChanged</c> (a comment, review state or rating). A component subscribes and disposes the
/// subscription; a handler must be quick and must not throw, since it runs on the writer's thread. Changes made by
/// another studio process on the same database are not seen here.
/// </summary>
public sealed class EventStream<TEvent>(ILogger<EventStream<TEvent>> logger)
{
    private ImmutableArray<Action<TEvent>> _handlers = [];

    public IDisposable Subscribe(Action<TEvent> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    /// <summary>The events from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<TEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<TEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = Subscribe(change => channel.Writer.TryWrite(change));
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var change))
                yield return change;
        }
    }

    public void Publish(TEvent change)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                // One broken view must not stop the writer or the other views.
                logger.LogError(e, "A {Event} handler failed for {Change}.", typeof(TEvent).Name, change);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
