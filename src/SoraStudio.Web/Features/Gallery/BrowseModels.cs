using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Gallery;

public enum GallerySort
{
    Newest,
    Oldest,
    CostHighest,
    Longest,
}

/// <summary>What the gallery shows: every filter is optional; <see cref="ProjectId"/> null means all projects.</summary>
public sealed record GalleryFilter
{
    public const int MaxTextLength = 200;

    public long? ProjectId { get; init; }
    public IReadOnlyCollection<TakeStatus> Statuses { get; init; } = [];
    public string? Model { get; init; }
    public long? ShotId { get; init; }
    /// <summary>Made on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Made on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }
    /// <summary>Words the prompt contains (case-insensitive, as typed).</summary>
    public string? Text { get; init; }
    /// <summary>Review states to show; a take nobody reviewed is <see cref="ReviewState.Pending"/>.</summary>
    public IReadOnlyCollection<ReviewState> ReviewStates { get; init; } = [];
    /// <summary>Rated at least this many stars (1–5); unrated takes are left out.</summary>
    public int? MinRating { get; init; }
    public GallerySort Sort { get; init; } = GallerySort.Newest;
}

/// <summary>A take in the gallery: its card and where it belongs.</summary>
public sealed record GalleryItem(TakeCard Card, long ProjectId, string ProjectName, string ShotTitle, bool Selected, bool HasSpritesheet);

public sealed record GallerySlice(IReadOnlyList<GalleryItem> Items, int Total);

public sealed record ShotOption(long ShotId, string Title);

/// <summary>The values the gallery's filters offer.</summary>
public sealed record GalleryFacets(string? ProjectName, IReadOnlyList<string> Models, IReadOnlyList<ShotOption> Shots);

/// <summary>One shot on the timeline strip: its duration (the selected take's, else the shot's) and its selected take.</summary>
public sealed record TimelineEntry(
    long ShotId,
    int Position,
    string Title,
    int Seconds,
    long? SelectedTakeId,
    TakeStatus? SelectedStatus,
    bool HasThumbnail,
    bool HasVideo,
    int TakeCount,
    int ReadyCount,
    int ActiveCount)
{
    public bool Playable => SelectedTakeId is not null && HasVideo;
}

public sealed record TimelineStrip(long ProjectId, string ProjectName, IReadOnlyList<TimelineEntry> Shots)
{
    public int TotalSeconds => Shots.Sum(s => s.Seconds);
    public int WithoutSelection => Shots.Count(s => s.SelectedTakeId is null);
}

/// <summary>
/// Where a take belongs: its project and shot, and the take the shot has selected; the numbers (in the project) of the take
/// it was made from and of the take it retries, and how that parent came about.
/// </summary>
public sealed record TakePlace(long ProjectId, string ProjectName, long ShotId, string ShotTitle, long? SelectedTakeId, string? ParentVideoId,
    int? ParentNumber = null, TakeKind? ParentKind = null, int? RetryOfNumber = null);

/// <summary>A take in a shot's lineage, with the takes remixed from it.</summary>
public sealed record LineageNode(TakeCard Take, IReadOnlyList<LineageNode> Children)
{
    public IEnumerable<LineageNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>All of a shot's takes as remix trees: originals (and their siblings) at the roots.</summary>
public sealed record ShotLineage(long ProjectId, long ShotId, string ShotTitle, long? SelectedTakeId, IReadOnlyList<LineageNode> Roots)
{
    public static IReadOnlyList<LineageNode> Build(IEnumerable<TakeCard> takes)
    {
        var all = takes.ToList();
        var ids = all.Select(t => t.TakeId).ToHashSet();
        var children = all.Where(t => t.ParentTakeId is { } p && ids.Contains(p)).ToLookup(t => t.ParentTakeId!.Value);
        LineageNode Node(TakeCard take) => new(take, Ordered(children[take.TakeId]).Select(Node).ToList());
        return Ordered(all.Where(t => t.ParentTakeId is not { } p || !ids.Contains(p))).Select(Node).ToList();
    }

    private static IEnumerable<TakeCard> Ordered(IEnumerable<TakeCard> takes) => takes.OrderBy(t => t.CreatedAt).ThenBy(t => t.TakeId);
}
