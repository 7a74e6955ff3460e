using Microsoft.Extensions.Logging.Abstractions;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Features.Gallery;

public sealed class LiveRefreshTests
{
    private static TakeChanged Change(long take, long project = 1) => new(take, 1, project, TakeStatus.InProgress, 50, null, null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task ABurstOfRelevantChangesRefreshesOnceAndOthersAreIgnored()
    {
        var events = new EventStream<TakeChanged>(NullLogger<EventStream<TakeChanged>>.Instance);
        var refreshes = 0;
        var refreshed = new TaskCompletionSource();
        using var live = new LiveRefresh(events, c => c.ProjectId == 1, () => { Interlocked.Increment(ref refreshes); refreshed.TrySetResult(); return Task.CompletedTask; },
            TimeSpan.FromMilliseconds(100));

        events.Publish(Change(1, project: 2));
        for (var i = 0; i < 10; i++)
            events.Publish(Change(i));
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(300);

        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task NothingRefreshesAfterDispose()
    {
        var events = new EventStream<TakeChanged>(NullLogger<EventStream<TakeChanged>>.Instance);
        var refreshes = 0;
        var live = new LiveRefresh(events, _ => true, () => { refreshes++; return Task.CompletedTask; }, TimeSpan.FromMilliseconds(50));

        events.Publish(Change(1));
        live.Dispose();
        events.Publish(Change(2));
        await Task.Delay(300);

        Assert.Equal(0, refreshes);
    }
}
