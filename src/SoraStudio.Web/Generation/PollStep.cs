using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>InProgress: one status poll. Completed moves on to downloading in the same step; failed is classed.</summary>
internal sealed class PollStep(IVideosApi api, PollHints hints, DownloadStep download)
{
    /// <summary>A status some batch outputs carry; the content is gone.</summary>
    private const string ExpiredStatus = "expired";

    public async Task RunAsync(TakeStep step)
    {
        if (await step.SetAsideIfAtAnotherProviderAsync())
            return;
        var take = step.Take;
        var videoId = take.VideoId!;
        VideoJob job;
        try
        {
            job = await api.GetVideoAsync(videoId, step.Token);
        }
        catch (VideosApiException e) when (e.Kind == ApiErrorKind.NotFound)
        {
            await step.FailAsync(FailureClass.Provider, e.Code ?? "video_not_found", $"The provider no longer has video {videoId}: {e.Message}");
            return;
        }
        catch (VideosApiException e)
        {
            await step.RetryLaterAsync($"Checking progress failed: {e.Message}", e.RetryAfter);
            return;
        }
        step.Crash(CrashPoint.AfterPollBeforeWrite);

        take.Polls++;
        take.TransientFailures = 0;
        take.ErrorMessage = null;
        switch (job.Status)
        {
            case VideoStatus.Completed:
                var completedAt = job.CompletedAt is { } done ? DateTimeOffset.FromUnixTimeSeconds(done) : step.Now;
                take.Progress = 100;
                take.CompletedAt = completedAt;
                // The contract: downloads expire an hour after completion when the API does not say.
                take.ExpiresAt = job.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : completedAt.AddHours(1);
                step.MoveTo(TakeStatus.Downloading);
                await step.WriteAsync();
                step.Crash(CrashPoint.AfterDownloadingWritten);
                await download.RunAsync(step);
                break;
            case VideoStatus.Failed when job.IsModerationBlocked:
                take.CompletedAt = step.Now;
                await step.FailAsync(FailureClass.Moderation, job.Error!.Code, job.Error.Message);
                break;
            case VideoStatus.Failed:
                take.CompletedAt = step.Now;
                await step.FailAsync(FailureClass.Provider, job.Error?.Code ?? "failed", job.Error?.Message ?? "The provider failed the video without saying why.");
                break;
            case ExpiredStatus:
                await step.FinishAsync(TakeStatus.Expired, FailureClass.Expired, "expired", "The provider says this video expired before it was downloaded.");
                break;
            default:
                take.Progress = Math.Clamp(job.Progress, 0, 99);
                take.ProgressAt = step.Now;
                if (!job.HasKnownStatus)
                    take.ErrorMessage = $"The provider reports an unknown status '{job.Status}'; still checking.";
                await step.EndAsync(step.Now + Backoff.Poll(step.Options, take.Polls, hints.Take(videoId)));
                break;
        }
    }
}
