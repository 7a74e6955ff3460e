using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>
/// Refreshes a view when takes it shows change: take-changed events that <c>relevant</c> accepts are gathered for
/// <c>delay</c>, then <c>refresh</c> runs once (on the component's dispatcher: pass <c>() => InvokeAsync(...)</c>).
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly Func<TakeChanged, bool> _relevant;
    private readonly Func<Task> _refresh;
    private readonly TimeSpan _delay;
    private int _pending;
    private volatile bool _disposed;

    public LiveRefresh(EventStream<TakeChanged> events, Func<TakeChanged, bool> relevant, Func<Task> refresh, TimeSpan? delay = null)
    {
        _relevant = relevant;
        _refresh = refresh;
        _delay = delay ?? TimeSpan.FromMilliseconds(250);
        _subscription = events.Subscribe(OnChanged);
    }

    private void OnChanged(TakeChanged change)
    {
        if (_disposed || !_relevant(change) || Interlocked.Exchange(ref _pending, 1) == 1)
            return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(_delay);
            Interlocked.Exchange(ref _pending, 0);
            if (!_disposed)
                await _refresh();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the refresh waited.
        }
        catch (Microsoft.JSInterop.JSDisconnectedException)
        {
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription.Dispose();
    }
}
