using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Catalog;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Downloading → Ready: the video, thumbnail and spritesheet into the clip store before the provider's copy
/// expires. Each variant is recorded as soon as it is stored, so a stopped or failed download resumes with
/// the variants still missing; a cut or corrupt transfer stores nothing and is retried with backoff.
/// </summary>
internal sealed class DownloadStep(IVideosApi api, ClipStore store, ILogger<DownloadStep> logger)
{
    public async Task RunAsync(TakeStep step)
    {
        if (await step.SetAsideIfAtAnotherProviderAsync())
            return;
        var take = step.Take;
        var have = await step.Db.Clips.Where(c => c.TakeId == take.Id).Select(c => c.Variant).ToListAsync(step.Token);
        foreach (var variant in VideoVariant.All.Where(v => !have.Contains(v)))
        {
            if (take.ExpiresAt is { } expiresAt && step.Now >= expiresAt)
            {
                await ExpireAsync(step, have, variant);
                return;
            }
            StoredFile stored;
            try
            {
                await using var content = await api.DownloadContentAsync(take.VideoId!, variant, step.Token);
                stored = await store.SaveAsync(content.Content, content.ContentType, content.Length, cancellationToken: step.Token);
                step.Crash(CrashPoint.AfterClipStoredBeforeRow);
                step.Db.Clips.Add(NewClip(take, variant, stored, content.ContentType, step.Now));
            }
            catch (VideosApiException e) when (e.Kind is ApiErrorKind.NotFound or ApiErrorKind.InvalidRequest)
            {
                // The provider refuses the content of a finished video: gone, and retrying will not bring it back.
                await ExpireAsync(step, have, variant, e.Message);
                return;
            }
            catch (Exception e) when (e is VideosApiException or IOException or HttpRequestException)
            {
                logger.LogInformation("Take {TakeId}: downloading the {Variant} failed, retrying: {Message}", take.Id, variant, e.Message);
                await step.RetryLaterAsync($"Downloading the {variant} failed: {e.Message}", (e as VideosApiException)?.RetryAfter);
                return;
            }
            take.TransientFailures = 0;
            take.ErrorMessage = null;
            await step.WriteAsync();
            have.Add(variant);
            step.Crash(CrashPoint.AfterClipRow);
        }
        step.Crash(CrashPoint.BeforeReady);
        await BecomeReadyAsync(step, message: null);
    }

    private Clip NewClip(Take take, string variant, StoredFile stored, string contentType, DateTimeOffset now)
    {
        var info = MediaProbe.Probe(store.GetFullPath(stored.RelativePath));
        var isVideo = variant == VideoVariant.Video;
        var size = VideoSize.TryParse(take.Size, out var parsed) ? parsed : default;
        return new Clip
        {
            TakeId = take.Id,
            Variant = variant,
            RelativePath = stored.RelativePath,
            Bytes = stored.Bytes,
            Sha256 = stored.Sha256,
            ContentType = contentType,
            Width = info.Width ?? (isVideo && size.Width > 0 ? size.Width : null),
            Height = info.Height ?? (isVideo && size.Height > 0 ? size.Height : null),
            DurationSeconds = info.DurationSeconds ?? (isVideo ? take.Seconds : null),
            CreatedAt = now,
        };
    }

    /// <summary>Past <c>expires_at</c>: without the video the take is lost; without only a still, it is ready all the same.</summary>
    private static Task ExpireAsync(TakeStep step, List<string> have, string missing, string? providerMessage = null)
    {
        var why = providerMessage is null ? "" : $" ({providerMessage})";
        if (have.Contains(VideoVariant.Video))
            return BecomeReadyAsync(step, $"The provider's copy expired before the {missing} could be downloaded{why}.");
        return step.FinishAsync(TakeStatus.Expired, FailureClass.Expired, "expired",
            $"The provider's copy expired at {step.Take.ExpiresAt:u} before the video could be downloaded{why}.");
    }

    private static async Task BecomeReadyAsync(TakeStep step, string? message)
    {
        var take = step.Take;
        take.Progress = 100;
        await using var transaction = await step.Db.Database.BeginTransactionAsync(CancellationToken.None);
        // The shot's first ready take becomes its selected take, unless someone has chosen one meanwhile. Not an
        // extension: it is longer than its source and replaces it on the timeline only when someone selects it.
        if (take.Kind != TakeKind.Extension)
            await step.Db.Shots.Where(s => s.Id == take.ShotId && s.SelectedTakeId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(shot => shot.SelectedTakeId, take.Id), CancellationToken.None);
        await step.FinishAsync(TakeStatus.Ready, message: message);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
