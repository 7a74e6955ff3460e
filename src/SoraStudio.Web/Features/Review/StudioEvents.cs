using System.Collections.Immutable;

namespace SoraStudio.Web.Features.Review;

public enum ReviewChangeKind
{
    Comment,
    Review,
    Activity,
}

/// <summary>
/// Something about a take's review changed: a comment, its state or rating, or the project's activity. A change of
/// kind <see cref="ReviewChangeKind.Review"/> carries the take's review as it now is.
/// </summary>
public sealed record ReviewChanged(long ProjectId, long? TakeId, ReviewChangeKind Kind, ReviewMark? Review = null);

/// <summary>A take's review state and rating (1–5, or null when unrated).</summary>
public sealed record ReviewMark(SoraStudio.Web.Data.ReviewState State, int? Rating);

/// <summary>
/// The in-process stream of review changes: what lets two people on the same take see each other's comments at
/// once. Handlers run on the writer's thread, so they must be quick (a component calls InvokeAsync and returns).
/// </summary>
public sealed class StudioEvents(ILogger<StudioEvents> logger)
{
    private ImmutableArray<Action<ReviewChanged>> _handlers = [];

    public IDisposable Subscribe(Action<ReviewChanged> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    public void Publish(ReviewChanged change)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A review-changed handler failed for project {ProjectId}.", change.ProjectId);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
