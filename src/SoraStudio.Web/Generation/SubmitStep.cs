using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Queued → Submitting → InProgress. The intent (Submitting, the attempt counted, the provider recorded) is written
/// before the create call, in the same conditional UPDATE that takes one of the API key's job slots, and made durable
/// before the call; the video id is written the moment it returns.
/// </summary>
internal sealed class SubmitStep(IVideosApi api, ClipStore store, VideosProvider provider, ILogger<SubmitStep> logger)
{
    public async Task RunAsync(TakeStep step)
    {
        var take = step.Take;
        Asset? reference = null;
        if (take.ReferenceAssetId is { } assetId)
        {
            reference = await step.Db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, step.Token);
        }
        if ((take.ReferenceAssetId is not null || take.Spec.ReferenceImage is not null) && (reference is null || !store.Exists(reference.RelativePath)))
        {
            await step.FailAsync(FailureClass.Studio, "reference_image_missing",
                "The reference image of this take no longer exists. Choose another image for the shot and generate again.");
            return;
        }
        string? sourceVideoId = null;
        var sourceSeconds = 0;
        if (take.ParentTakeId is { } parentId)
        {
            var source = await step.Db.Takes.Where(t => t.Id == parentId).Select(t => new { t.VideoId, t.Seconds }).SingleOrDefaultAsync(step.Token);
            (sourceVideoId, sourceSeconds) = (source?.VideoId, source?.Seconds ?? 0);
            if (sourceVideoId is null)
            {
                await step.FailAsync(FailureClass.InvalidRequest, "remix_source_missing", "The take this remix starts from has no video at the provider.");
                return;
            }
        }

        if (!await ClaimSlotAsync(step))
        {
            // Every job slot is taken (or a cancel came in): leave it queued; the worker wakes when a slot frees.
            await step.EndAsync(take.NextCheckAt);
            return;
        }
        // Paying twice needs the intent undone after the create went out: a power cut (synchronous = NORMAL may drop
        // the last commits), or a copy of the database without its log. So the intent is synced into the database
        // file itself before anything is sent.
        if (!await WalCheckpoint.RunAsync(step.Db, CancellationToken.None))
            logger.LogWarning("Take {TakeId}: readers kept the database's log from being copied into it; a power cut now could undo its submission intent.", take.Id);
        step.Crash(CrashPoint.AfterSubmittingIntent);

        VideoJob job;
        try
        {
            job = (take.Kind, sourceVideoId) switch
            {
                (TakeKind.Edit, { } id) => await api.EditVideoAsync(new EditVideoRequest(take.Prompt) { VideoId = id }, step.LeaseLost),
                (TakeKind.Extension, { } id) => await api.ExtendVideoAsync(
                    new ExtendVideoRequest(take.Prompt, (take.Seconds - sourceSeconds).ToString(CultureInfo.InvariantCulture)) { VideoId = id }, step.LeaseLost),
                (_, { } id) => await api.RemixVideoAsync(id, take.Prompt, step.LeaseLost),
                _ => await CreateAsync(take, reference, step.LeaseLost),
            };
        }
        catch (VideosApiException e)
        {
            await OnCreateFailedAsync(step, e);
            return;
        }
        step.Crash(CrashPoint.AfterCreateBeforeVideoId);

        take.VideoId = job.Id;
        take.Progress = job.Progress;
        take.Cost = take.EstimatedCost;
        take.Polls = 0;
        take.TransientFailures = 0;
        step.MoveTo(TakeStatus.InProgress);
        await step.EndAsync(step.Now + Backoff.Poll(step.Options, 0, null));
        logger.LogInformation("Take {TakeId} submitted as {VideoId} (attempt {Attempt}).", take.Id, job.Id, take.Attempts);
        step.Crash(CrashPoint.AfterVideoIdWritten);
    }

    private async Task<VideoJob> CreateAsync(Take take, Asset? reference, CancellationToken cancellationToken)
    {
        await using var image = reference is null ? null : store.OpenRead(reference.RelativePath);
        var request = new CreateVideoRequest(take.Prompt)
        {
            Model = take.Model,
            Size = take.Size,
            Seconds = take.Seconds.ToString(CultureInfo.InvariantCulture),
            InputReference = image is null ? null : new ReferenceImageUpload(image, reference!.FileName, reference.ContentType),
            Characters = take.CharacterIds ?? [],
        };
        return await api.CreateVideoAsync(request, cancellationToken);
    }

    /// <summary>
    /// Queued → Submitting, only while a job slot is free, the lease is ours and no cancel was asked for: one UPDATE
    /// whose condition counts the takes at the provider, so two processes cannot both take the last slot.
    /// </summary>
    private async Task<bool> ClaimSlotAsync(TakeStep step)
    {
        var take = step.Take;
        TakeStateMachine.EnsureCanMove(take.Status, TakeStatus.Submitting);
        var now = step.Now;
        var leaseExpires = now + step.Options.LeaseDuration;
        var maxJobs = step.Options.MaxConcurrentJobs;
        TakeStatus[] atProvider = [.. TakeStateMachine.AtProvider];
        var rows = await step.Db.Takes
            .Where(t => t.Id == take.Id && t.Status == TakeStatus.Queued && t.LeaseOwner == take.LeaseOwner && t.CancelRequestedAt == null
                && step.Db.Takes.Count(other => atProvider.Contains(other.Status)) < maxJobs)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TakeStatus.Submitting)
                .SetProperty(t => t.SubmittedAt, now)
                .SetProperty(t => t.Attempts, t => t.Attempts + 1)
                .SetProperty(t => t.Provider, provider.Current)
                .SetProperty(t => t.LeaseExpiresAt, leaseExpires)
                .SetProperty(t => t.ErrorCode, (string?)null)
                .SetProperty(t => t.ErrorMessage, (string?)null)
                .SetProperty(t => t.FailureClass, (FailureClass?)null)
                .SetProperty(t => t.OutcomeUnknownAt, (DateTimeOffset?)null)
                .SetProperty(t => t.NextCheckAt, (DateTimeOffset?)null), CancellationToken.None);
        if (rows == 0)
            return false;
        await step.ReloadAsync();
        step.PublishCurrent();
        return true;
    }

    private async Task OnCreateFailedAsync(TakeStep step, VideosApiException e)
    {
        var take = step.Take;
        switch (e.Kind)
        {
            case ApiErrorKind.RateLimited or ApiErrorKind.ConcurrencyCap or ApiErrorKind.Server or ApiErrorKind.Network:
                // The client raises these for a paid call only when nothing was created: wait in the queue.
                logger.LogInformation("Take {TakeId}: create refused ({Kind}), back in the queue: {Message}", take.Id, e.Kind, e.Message);
                step.MoveTo(TakeStatus.Queued);
                await step.RetryLaterAsync(e.Message, e.RetryAfter);
                break;
            case ApiErrorKind.OutcomeUnknown:
                logger.LogWarning("Take {TakeId}: create outcome unknown, reconciling: {Message}", take.Id, e.Message);
                take.OutcomeUnknownAt = step.Now;
                take.ErrorCode = e.Code ?? "outcome_unknown";
                take.ErrorMessage = e.Message;
                await step.EndAsync(step.Now);
                break;
            case ApiErrorKind.Authentication or ApiErrorKind.PermissionDenied or ApiErrorKind.QuotaExceeded:
                await step.FailAsync(FailureClass.Account, e.Code ?? e.Kind.ToString(), e.Message);
                break;
            default:
                await step.FailAsync(FailureClass.InvalidRequest, e.Code ?? "invalid_request", e.Message);
                break;
        }
    }
}
