using System.Text.Json;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;

namespace SoraStudio.Emulator.Jobs;

/// <summary>
/// All jobs in memory, each mirrored to DataPath/jobs/{id}.json (written to a temporary file, then renamed),
/// media in DataPath/media/{id}/. Callers get copies; changes go through <see cref="Update"/>.
/// </summary>
internal sealed class JobStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, VideoJob> _jobs = new(StringComparer.Ordinal);
    private readonly ILogger<JobStore> _logger;
    private long _lastSequence;

    public JobStore(IOptions<EmulatorOptions> options, ILogger<JobStore> logger)
    {
        _logger = logger;
        var root = Path.GetFullPath(options.Value.DataPath);
        JobsFolder = Path.Combine(root, "jobs");
        MediaRoot = Path.Combine(root, "media");
        SourcesFolder = Path.Combine(root, "sources");
        Directory.CreateDirectory(JobsFolder);
        Directory.CreateDirectory(MediaRoot);
        Directory.CreateDirectory(SourcesFolder);
        Load();
    }

    public string JobsFolder { get; }

    public string MediaRoot { get; }

    public string SourcesFolder { get; }

    public string MediaFolder(string id) => Path.Combine(MediaRoot, id);

    /// <summary>An extension's copy of its source clip, taken when it is created: the source may expire or be deleted before the render.</summary>
    public string SourceClip(string id) => Path.Combine(SourcesFolder, id + ".mp4");

    public VideoJob? Find(string id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job.Clone() : null;
        }
    }

    /// <summary>Every job, tombstones included, oldest first.</summary>
    public IReadOnlyList<VideoJob> All()
    {
        lock (_gate)
        {
            return _jobs.Values.OrderBy(j => j.Sequence).Select(j => j.Clone()).ToList();
        }
    }

    /// <summary>Copies of the jobs matching <paramref name="predicate"/>, oldest first.</summary>
    public IReadOnlyList<VideoJob> Where(Func<VideoJob, bool> predicate)
    {
        lock (_gate)
        {
            return _jobs.Values.Where(predicate).OrderBy(j => j.Sequence).Select(j => j.Clone()).ToList();
        }
    }

    /// <summary>Adds a job unless that would exceed <paramref name="maxRunning"/> queued or in-progress jobs.</summary>
    public VideoJob Add(Func<long, VideoJob> create, int maxRunning)
    {
        lock (_gate)
        {
            if (_jobs.Values.Count(j => j.IsRunning && !j.IsDeleted) >= maxRunning)
            {
                throw ApiErrors.TooManyRunningTasks();
            }
            var job = create(++_lastSequence);
            _jobs.Add(job.Id, job);
            Persist(job);
            return job.Clone();
        }
    }

    /// <summary>Applies a change and persists it; returns the updated copy, or null if the job is gone.</summary>
    public VideoJob? Update(string id, Func<VideoJob, bool> change)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                return null;
            }
            if (change(job))
            {
                Persist(job);
            }
            return job.Clone();
        }
    }

    /// <summary>Turns a job into a tombstone and removes its media.</summary>
    public void MarkDeleted(string id, long deletedAt)
    {
        Update(id, job =>
        {
            job.DeletedAt = deletedAt;
            job.MediaReady = false;
            return true;
        });
        DeleteMedia(id);
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var id in _jobs.Keys)
            {
                File.Delete(JobFile(id));
                DeleteMedia(id);
            }
            _jobs.Clear();
        }
    }

    public void DeleteMedia(string id)
    {
        var folder = MediaFolder(id);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string JobFile(string id) => Path.Combine(JobsFolder, id + ".json");

    private void Persist(VideoJob job)
    {
        var path = JobFile(job.Id);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(job, EmulatorJson.Api.VideoJob));
        File.Move(temporary, path, overwrite: true);
    }

    private void Load()
    {
        foreach (var leftover in Directory.EnumerateFiles(JobsFolder, "*.tmp"))
        {
            File.Delete(leftover);
        }
        foreach (var leftover in Directory.EnumerateDirectories(MediaRoot, ".render-*"))
        {
            Directory.Delete(leftover, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(JobsFolder, "*.json"))
        {
            try
            {
                var job = JsonSerializer.Deserialize(File.ReadAllBytes(file), EmulatorJson.Api.VideoJob);
                if (job is null)
                {
                    continue;
                }
                if (job.MediaReady && !File.Exists(Path.Combine(MediaFolder(job.Id), Media.MediaFiles.Video)))
                {
                    job.MediaReady = false;
                }
                _jobs[job.Id] = job;
                _lastSequence = Math.Max(_lastSequence, job.Sequence);
            }
            catch (JsonException e)
            {
                _logger.LogWarning("Skipping unreadable job file {File}: {Error}", file, e.Message);
            }
        }
    }
}
