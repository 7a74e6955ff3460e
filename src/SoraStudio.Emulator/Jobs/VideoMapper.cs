using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;

namespace SoraStudio.Emulator.Jobs;

/// <summary>Turns a stored job into the contract's video object; progress is derived from the clock so it rises between polls.</summary>
internal sealed class VideoMapper(TimeProvider time, IOptions<EmulatorOptions> options)
{
    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public long RenderMs(VideoJob job) => (long)(job.DurationSeconds * Math.Max(0, options.Value.RenderSecondsPerVideoSecond) * 1000);

    public int Progress(VideoJob job) => job.Status switch
    {
        VideoStatus.Completed => 100,
        VideoStatus.Failed => job.FailedProgress,
        VideoStatus.InProgress => InProgress(job),
        _ => 0,
    };

    public bool IsExpired(VideoJob job) => job.ExpiresAt is { } expires && NowMs / 1000 >= expires;

    public VideoResource ToResource(VideoJob job) => new(
        job.Id, "video", job.Model, job.Status, Progress(job), job.CreatedAt, job.CompletedAt, job.ExpiresAt,
        job.Prompt, job.Size, job.Seconds, job.RemixedFromVideoId, job.Error);

    private int InProgress(VideoJob job)
    {
        var renderMs = RenderMs(job);
        var elapsed = NowMs - (job.StartedAtMs ?? NowMs);
        // Stays below 100 until the job is really completed (media rendered, simulated time over).
        var percent = renderMs <= 0 ? 50 : (int)(elapsed * 100 / renderMs);
        return Math.Clamp(percent, 1, 99);
    }
}
