using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Media;
using SoraStudio.Emulator.Webhooks;

namespace SoraStudio.Emulator.Jobs;

/// <summary>
/// Drives every job through queued → in_progress → completed | failed. Ticks on real time but reads the
/// <see cref="TimeProvider"/>, so a test clock moves jobs forward within one tick. Jobs found in progress
/// at start-up (after a restart) are rendered again and complete normally.
/// </summary>
internal sealed class JobProcessor(
    JobStore store,
    MediaRenderer renderer,
    VideoMapper mapper,
    WebhookDispatcher webhooks,
    IOptions<EmulatorOptions> options,
    ILogger<JobProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<string, Task> _renders = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Tick(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad tick (a full disk, a locked file) must not stop the worker, nor the host it runs in.
                logger.LogError(e, "Job processing tick failed.");
            }
            try
            {
                await _wake.WaitAsync(TickInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        try
        {
            await Task.WhenAll(_renders.Values);
        }
        catch (OperationCanceledException)
        {
            // Renders cancelled by shutdown resume after the next start.
        }
    }

    private void Tick(CancellationToken stoppingToken)
    {
        var now = mapper.NowMs;
        var settings = options.Value;
        foreach (var job in store.Where(NeedsAttention))
        {
            if (job.Status == VideoStatus.Queued && now >= job.CreatedAtMs + Math.Max(0, settings.QueueDelayMs))
            {
                store.Update(job.Id, j =>
                {
                    if (j.Status != VideoStatus.Queued)
                    {
                        return false;
                    }
                    j.Status = VideoStatus.InProgress;
                    j.StartedAtMs = now;
                    return true;
                });
            }
            else if (job.Status == VideoStatus.InProgress)
            {
                Advance(job, now, settings, stoppingToken);
            }
            else if (job.Status is VideoStatus.Completed or VideoStatus.Failed && !job.WebhookSent)
            {
                webhooks.Enqueue(job);
                store.Update(job.Id, j =>
                {
                    j.WebhookSent = true;
                    return true;
                });
            }
            else if (job.MediaReady && mapper.IsExpired(job))
            {
                // Expired assets can never be downloaded again, so they need not take disk space.
                store.Update(job.Id, j =>
                {
                    j.MediaReady = false;
                    return true;
                });
                store.DeleteMedia(job.Id);
            }
        }
    }

    private void Advance(VideoJob job, long now, EmulatorOptions settings, CancellationToken stoppingToken)
    {
        var elapsed = now - (job.StartedAtMs ?? now);
        var renderMs = mapper.RenderMs(job);
        if (IsModerated(job, settings))
        {
            // Moderation fails asynchronously, half-way through, like the real service.
            if (elapsed >= renderMs / 2)
            {
                Fail(job.Id, now, "moderation_blocked", "Your request was blocked by our moderation system.");
            }
            return;
        }
        if (!job.MediaReady)
        {
            _renders.GetOrAdd(job.Id, id => Task.Run(() => RenderAsync(job, stoppingToken), CancellationToken.None));
            return;
        }
        if (elapsed >= renderMs)
        {
            store.Update(job.Id, j =>
            {
                if (j.Status != VideoStatus.InProgress)
                {
                    return false;
                }
                j.Status = VideoStatus.Completed;
                j.CompletedAt = now / 1000;
                j.ExpiresAt = j.CompletedAt + settings.ExpirySeconds;
                return true;
            });
            Wake();
        }
    }

    private async Task RenderAsync(VideoJob job, CancellationToken stoppingToken)
    {
        try
        {
            var request = new RenderRequest(job.Id, job.Prompt, job.Width, job.Height, job.AddedSeconds ?? job.DurationSeconds)
            {
                Heading = job.Heading,
                StitchAfter = job.AddedSeconds is null ? null : store.SourceClip(job.Id),
            };
            var media = await renderer.RenderAsync(request, store.MediaFolder(job.Id), stoppingToken);
            if (request.StitchAfter is { } source)
            {
                File.Delete(source);
            }
            var updated = store.Update(job.Id, j =>
            {
                if (j.IsDeleted)
                {
                    return false;
                }
                j.MediaReady = true;
                j.ThumbnailContentType = media.ThumbnailContentType;
                return true;
            });
            if (updated is null || updated.IsDeleted)
            {
                store.DeleteMedia(job.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rendering {VideoId} failed.", job.Id);
            Fail(job.Id, mapper.NowMs, "internal_error", "The emulator could not render this video.");
        }
        finally
        {
            _renders.TryRemove(job.Id, out _);
        }
        Wake();
    }

    private void Fail(string id, long now, string code, string message)
    {
        store.Update(id, j =>
        {
            if (j.Status is not (VideoStatus.Queued or VideoStatus.InProgress))
            {
                return false;
            }
            j.FailedProgress = mapper.Progress(j);
            j.Status = VideoStatus.Failed;
            j.CompletedAt = now / 1000;
            j.Error = new JobError(code, message);
            return true;
        });
        Wake();
    }

    private static bool NeedsAttention(VideoJob job) => !job.IsDeleted && (job.IsRunning || !job.WebhookSent || job.MediaReady);

    private static bool IsModerated(VideoJob job, EmulatorOptions settings) =>
        !string.IsNullOrEmpty(settings.ModerationMarker) && job.Prompt.Contains(settings.ModerationMarker, StringComparison.OrdinalIgnoreCase);
}
