using Microsoft.JSInterop;

namespace SoraStudio.Web.Features.Review;

/// <summary>
/// The comment thread's hold on the take's &lt;video&gt; (found by a CSS selector) through review-player.js: it hears
/// the player's time as it plays, seeks and pauses it.
/// </summary>
public sealed class PlayerLink(IJSRuntime js, string selector, Func<double, double, Task> onTime) : IAsyncDisposable
{
    private IJSObjectReference? _module, _watch;
    private DotNetObjectReference<PlayerLink>? _self;

    public async Task StartAsync()
    {
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/review-player.js");
        _self = DotNetObjectReference.Create(this);
        _watch = await _module.InvokeAsync<IJSObjectReference>("watch", selector, _self);
    }

    /// <summary>Called by the JS module as the player plays or seeks: the time and the clip's length, in seconds.</summary>
    [JSInvokable]
    public Task OnPlayerTime(double seconds, double duration) => onTime(seconds, duration);

    public async Task SeekAsync(double seconds)
    {
        if (_module is not null)
            await _module.InvokeVoidAsync("seek", selector, seconds);
    }

    public async Task PauseAsync()
    {
        if (_module is not null)
            await _module.InvokeVoidAsync("pause", selector);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_watch is not null)
            {
                await _watch.InvokeVoidAsync("dispose");
                await _watch.DisposeAsync();
            }
            if (_module is not null)
                await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
