using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>
/// A take in Submitting without a video id: its create may or may not have reached the provider. The provider's
/// list is searched for a video with the same prompt, model, size and seconds, created since the intent and not
/// already some other take's; one found is adopted. None found once the create has had time to appear:
/// <list type="bullet">
/// <item>after a create that failed with an unknown outcome, the take needs attention (never a blind resubmit);</item>
/// <item>after a worker stopped between the intent and the call, the list shows the call never arrived, and the take is queued again.</item>
/// </list>
/// A queued take that was claimed before is searched for the same way before it is submitted again. A take submitted
/// to another provider than the studio's current one is set aside instead: the search would look in the wrong list.
/// </summary>
internal sealed class ReconcileStep(IVideosApi api, ILogger<ReconcileStep> logger)
{
    /// <summary>The most recent videos looked through before giving up on older ones.</summary>
    private const int MaxListed = 1000;

    public async Task RunAsync(TakeStep step)
    {
        if (await step.SetAsideIfAtAnotherProviderAsync() || await SearchAsync(step) != Search.NotFound)
            return;
        var take = step.Take;
        var submittedAt = take.SubmittedAt ?? take.CreatedAt;
        var settledAt = submittedAt + step.Options.SubmitSettleTime;
        if (step.Now < settledAt)
        {
            await step.EndAsync(settledAt);
            return;
        }
        if (take.CancelRequestedAt is not null)
        {
            await step.FinishAsync(TakeStatus.Canceled, message: "Canceled; the provider had not created a video for it.");
            return;
        }
        if (take.OutcomeUnknownAt is not null)
        {
            logger.LogWarning("Take {TakeId}: no video matches its create of unknown outcome; it needs attention.", take.Id);
            await step.FinishAsync(TakeStatus.NeedsAttention, FailureClass.OutcomeUnknown, "outcome_unknown",
                $"The create request for this take failed without saying whether a video was made ({take.ErrorMessage}). " +
                $"No video with its prompt, model, size and duration appeared in the provider's list within {step.Options.SubmitSettleTime.TotalSeconds:0} s, " +
                "so the studio did not submit it again: that could pay twice. Check the provider's dashboard; retry the take to submit it again on purpose.");
            return;
        }
        logger.LogInformation("Take {TakeId}: its create never reached the provider (a worker stopped before sending it); queued again.", take.Id);
        take.ErrorMessage = null;
        step.MoveTo(TakeStatus.Queued);
        await step.EndAsync(null);
    }

    /// <summary>
    /// A queued take claimed for submission before (<see cref="Take.Attempts"/>): a lost write (a power cut) may have
    /// undone its last claim after the create was sent, so its video is looked for before it is submitted again. True
    /// when the take was handled here (its video adopted, set aside, or the list to be read again later); false when
    /// the provider has nothing of it and it may be submitted. No settle time is waited for: that is for a create sent
    /// moments ago, and a claim undone by a lost write was sent before this studio started.
    /// </summary>
    public async Task<bool> FindEarlierSubmissionAsync(TakeStep step) =>
        await step.SetAsideIfAtAnotherProviderAsync() || await SearchAsync(step) != Search.NotFound;

    private enum Search { Adopted, NotFound, ListFailed }

    /// <summary>Adopts the take's video from the provider's list when one is there.</summary>
    private async Task<Search> SearchAsync(TakeStep step)
    {
        var take = step.Take;
        var submittedAt = take.SubmittedAt ?? take.CreatedAt;
        string? sourceVideoId = null;
        // Only a remix names its source in the video object (remixed_from_video_id); edits and extensions do not.
        if (take is { Kind: TakeKind.Remix, ParentTakeId: { } parentId })
            sourceVideoId = await step.Db.Takes.Where(t => t.Id == parentId).Select(t => t.VideoId).SingleOrDefaultAsync(step.Token);

        List<VideoJob> candidates;
        try
        {
            candidates = await FindCandidatesAsync(take, sourceVideoId, submittedAt - step.Options.ClockSkew, step.Token);
        }
        catch (VideosApiException e)
        {
            await step.RetryLaterAsync($"Could not list the provider's videos to find this take's submission: {e.Message}", e.RetryAfter);
            return Search.ListFailed;
        }

        var ids = candidates.Select(v => v.Id).ToList();
        var claimed = await step.Db.Takes.Where(t => t.VideoId != null && ids.Contains(t.VideoId)).Select(t => t.VideoId!).ToListAsync(step.Token);
        var match = candidates.Where(v => !claimed.Contains(v.Id)).OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal).FirstOrDefault();
        if (match is null)
            return Search.NotFound;
        logger.LogInformation("Take {TakeId}: found its submission {VideoId} in the provider's list.", take.Id, match.Id);
        take.VideoId = match.Id;
        take.Progress = match.Progress;
        take.Cost = take.EstimatedCost;
        take.OutcomeUnknownAt = null;
        take.ErrorCode = null;
        take.ErrorMessage = null;
        take.TransientFailures = 0;
        take.Polls = 0;
        step.MoveTo(TakeStatus.InProgress);
        try
        {
            await step.EndAsync(step.Now);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Another take adopted that video a moment ago (identical variations): look again.
            await step.ReloadAsync();
            await step.EndAsync(step.Now);
        }
        return Search.Adopted;
    }

    private async Task<List<VideoJob>> FindCandidatesAsync(Take take, string? sourceVideoId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var seconds = take.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sinceUnix = since.ToUnixTimeSeconds();
        var found = new List<VideoJob>();
        var listed = 0;
        await foreach (var video in api.ListAllVideosAsync(VideoOrder.Desc, cancellationToken))
        {
            if (video.CreatedAt < sinceUnix || ++listed > MaxListed)
                break;
            if (video.Model == take.Model && video.Size == take.Size && video.Seconds == seconds
                && (video.Prompt is null || video.Prompt == take.Prompt)
                && (sourceVideoId is null || video.RemixedFromVideoId == sourceVideoId))
                found.Add(video);
        }
        return found;
    }
}
