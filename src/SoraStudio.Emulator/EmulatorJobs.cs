using SoraStudio.Emulator.Jobs;
using SoraStudio.Emulator.Media;

namespace SoraStudio.Emulator;

/// <summary>A job as the emulator holds it, for tests and diagnostics.</summary>
public sealed record EmulatorJobInfo(
    string Id,
    string Status,
    int Progress,
    string Model,
    string Prompt,
    string Size,
    string Seconds,
    string? RemixedFromVideoId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    string? ErrorCode,
    bool Deleted,
    string? VideoFile);

/// <summary>Lists the emulator's jobs and resets it (singleton).</summary>
public sealed class EmulatorJobs
{
    private readonly JobStore _store;
    private readonly VideoMapper _mapper;
    private readonly EmulatorRequestLog _log;

    internal EmulatorJobs(JobStore store, VideoMapper mapper, EmulatorRequestLog log)
    {
        _store = store;
        _mapper = mapper;
        _log = log;
    }

    /// <summary>Every job, oldest first, deleted ones included (marked <see cref="EmulatorJobInfo.Deleted"/>).</summary>
    public IReadOnlyList<EmulatorJobInfo> List() => _store.All().Select(ToInfo).ToList();

    public EmulatorJobInfo? Find(string id) => _store.Find(id) is { } job ? ToInfo(job) : null;

    /// <summary>Deletes every job and its media and clears the request log.</summary>
    public void Reset()
    {
        _store.Clear();
        _log.Reset();
    }

    private EmulatorJobInfo ToInfo(VideoJob job)
    {
        var video = Path.Combine(_store.MediaFolder(job.Id), MediaFiles.Video);
        return new EmulatorJobInfo(
            job.Id, job.Status, _mapper.Progress(job), job.Model, job.Prompt, job.Size, job.Seconds, job.RemixedFromVideoId,
            DateTimeOffset.FromUnixTimeMilliseconds(job.CreatedAtMs),
            job.CompletedAt is { } completed ? DateTimeOffset.FromUnixTimeSeconds(completed) : null,
            job.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
            job.Error?.Code, job.IsDeleted, job.MediaReady && File.Exists(video) ? video : null);
    }
}
