using SoraStudio.Core.Advice;
using SoraStudio.Core.Costs;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Api;

// Requests. Shots and projects take the application services' own inputs (ProjectInput, ShotInput).

/// <summary>A new shot at the end of the project's timeline; without a spec it starts from the project's default model and size.</summary>
public sealed record CreateShotRequest(string Title, ShotSpec? Spec = null);

/// <summary>A shot's new place on its project's timeline (0-based; beyond the end means last).</summary>
public sealed record MoveShotRequest(int Position);

/// <summary>The ready take the timeline shows for a shot; null clears the choice.</summary>
public sealed record SelectTakeRequest(long? TakeId);

/// <summary>1 to 4 takes of the shot's current spec (with the project's style bible applied).</summary>
public sealed record GenerateRequest(int Variations = 1);

/// <summary>The one change a remix asks for.</summary>
public sealed record RemixRequest(string Instruction);

/// <summary>How many seconds to add (4, 8, 12, 16 or 20) and what happens in them.</summary>
public sealed record ExtendRequest(int Seconds, string Prompt);

// Responses.

public sealed record ShotListItem(long Id, int Position, string Title, long? SelectedTakeId, int TakeCount, int ReadyCount, int ActiveCount, string? ThumbnailUrl);

/// <summary>The exact prompt text a spec sends, and what would stop it being generated.</summary>
public sealed record RenderedPrompt(string Prompt, int Length, bool Valid, IReadOnlyDictionary<string, string[]> Errors);

public sealed record AdviceList(IReadOnlyList<Advice> Advice);

/// <summary>A generation request's takes, queued for the worker.</summary>
public sealed record QueuedTakes(IReadOnlyList<long> TakeIds, IReadOnlyList<string> TakeUrls);

public sealed record CancelResult(long TakeId, TakeStatus Status);

public sealed record TakeLinks(string Self, string? Video, string? Thumbnail, string? Spritesheet);

public sealed record TakeSummary(
    long Id,
    long ShotId,
    long? ParentTakeId,
    string? RemixInstruction,
    TakeStatus Status,
    int Progress,
    FailureClass? FailureClass,
    string? ErrorMessage,
    string Model,
    string Size,
    int Seconds,
    decimal EstimatedCost,
    decimal? Cost,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    TakeLinks Links,
    TakeKind Kind = TakeKind.Generation,
    int Number = 0)
{
    public static TakeSummary From(TakeCard c) => new(
        c.TakeId, c.ShotId, c.ParentTakeId, c.RemixInstruction, c.Status, c.Progress, c.FailureClass, c.ErrorMessage, c.Model, c.Size, c.Seconds,
        c.EstimatedCost, c.Cost, c.RequestedBy, c.CreatedAt, c.CompletedAt,
        new TakeLinks(
            ApiEndpoints.TakeUrl(c.TakeId),
            c.VideoPath is null ? null : ApiEndpoints.ContentUrl(c.TakeId, "video"),
            c.ThumbnailPath is null ? null : ApiEndpoints.ContentUrl(c.TakeId, "thumbnail"),
            null),
        c.Kind,
        c.Number);
}

/// <summary>A page of takes, newest first. <see cref="NextPage"/> is null on the last page.</summary>
public sealed record TakeListPage(IReadOnlyList<TakeSummary> Items, int Total, int Page, int PageSize, int? NextPage);

public sealed record ClipFile(string Variant, long Bytes, string Sha256, string ContentType, int? Width, int? Height, double? DurationSeconds, string Url);

public sealed record TakeDetails(TakeSummary Take, long ProjectId, string Prompt, ShotSpec Spec, string? VideoId, long? RetryOfTakeId, int Attempts,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ExpiresAt, IReadOnlyList<ClipFile> Clips, IReadOnlyList<ScheduledBeat> Beats,
    IReadOnlyList<ScheduledBeat> Lines)
{
    public static TakeDetails From(TakeDetail d)
    {
        var clips = d.Clips.Select(c => new ClipFile(c.Variant, c.Bytes, c.Sha256, c.ContentType, c.Width, c.Height, c.DurationSeconds,
            ApiEndpoints.ContentUrl(d.Card.TakeId, c.Variant))).ToList();
        var summary = TakeSummary.From(d.Card);
        summary = summary with
        {
            Links = summary.Links with { Spritesheet = clips.Any(c => c.Variant == "spritesheet") ? ApiEndpoints.ContentUrl(d.Card.TakeId, "spritesheet") : null },
        };
        return new(summary, d.ProjectId, d.Prompt, d.Spec, d.VideoId, d.RetryOfTakeId, d.Attempts, d.SubmittedAt, d.ExpiresAt, clips,
            BeatSchedule.ForTake(d.Spec, d.Card.Seconds), BeatSchedule.LinesForTake(d.Spec, d.Card.Seconds));
    }
}

/// <summary>What generating would cost, and whether the project's budget allows it.</summary>
public sealed record QuoteResponse(CostEstimate Estimate, decimal? Budget, decimal Committed, decimal? Remaining, bool WithinBudget);
