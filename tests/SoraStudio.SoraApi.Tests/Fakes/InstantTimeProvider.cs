using System.Collections.Concurrent;

namespace SoraStudio.SoraApi.Tests.Fakes;

/// <summary>A clock whose timers fire at once, recording how long they were asked to wait: retries run without waiting.</summary>
internal sealed class InstantTimeProvider(DateTimeOffset? now = null) : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => now ?? base.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => default;
    }
}
