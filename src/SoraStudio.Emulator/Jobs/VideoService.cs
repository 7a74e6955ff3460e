using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;
using SoraStudio.Emulator.Media;

namespace SoraStudio.Emulator.Jobs;

/// <summary>The operations behind the endpoints, with the contract's rules for each.</summary>
internal sealed class VideoService(JobStore store, VideoMapper mapper, JobProcessor processor, IOptions<EmulatorOptions> options)
{
    public static readonly string[] Orders = ["asc", "desc"];
    public static readonly string[] Variants = ["video", "thumbnail", "spritesheet"];

    public VideoResource Create(CreateVideoRequest request) =>
        Add(request.Model, request.Prompt, request.Size, request.Seconds, remixedFrom: null);

    public VideoResource Remix(string sourceId, string prompt)
    {
        var source = Existing(sourceId);
        if (source.Status != VideoStatus.Completed)
        {
            throw ApiErrors.RemixSourceNotCompleted(sourceId, source.Status);
        }
        if (mapper.IsExpired(source))
        {
            throw ApiErrors.RemixSourceExpired(sourceId);
        }
        return Add(source.Model, prompt, source.Size, source.Seconds, remixedFrom: source.Id);
    }

    public VideoResource Get(string id) => mapper.ToResource(Existing(id));

    public VideoListResource List(int limit, string order, string? after)
    {
        var all = store.All();
        IEnumerable<VideoJob> ordered = order == "asc" ? all : all.AsEnumerable().Reverse();
        if (after is not null)
        {
            // Tombstones keep their place, so a cursor survives the deletion of the video it names.
            var cursor = all.FirstOrDefault(j => j.Id == after) ?? throw ApiErrors.UnknownCursor(after);
            ordered = ordered.SkipWhile(j => j.Id != cursor.Id).Skip(1);
        }
        var visible = ordered.Where(j => !j.IsDeleted).Take(limit + 1).ToList();
        var page = visible.Take(limit).Select(mapper.ToResource).ToList();
        return new VideoListResource("list", page, page.FirstOrDefault()?.Id, page.LastOrDefault()?.Id, visible.Count > limit);
    }

    public DeletedVideoResource Delete(string id)
    {
        var job = Existing(id);
        if (job.IsRunning)
        {
            throw ApiErrors.DeleteWhileRunning(id, job.Status);
        }
        store.MarkDeleted(id, mapper.NowMs / 1000);
        return new DeletedVideoResource(id, "video.deleted", true);
    }

    /// <summary>The file to stream for a variant, once the video is completed and not expired.</summary>
    public (string Path, string ContentType) Content(string id, string variant)
    {
        var job = Existing(id);
        switch (job.Status)
        {
            case VideoStatus.Failed:
                throw ApiErrors.GenerationFailed(id);
            case not VideoStatus.Completed:
                throw ApiErrors.NotReady(id, job.Status);
        }
        if (mapper.IsExpired(job) || !job.MediaReady)
        {
            throw ApiErrors.Expired(id, job.ExpiresAt ?? 0);
        }
        var folder = store.MediaFolder(id);
        return variant switch
        {
            "thumbnail" => (Path.Combine(folder, MediaFiles.ThumbnailFile(job.ThumbnailContentType ?? MediaFiles.WebpContentType)),
                job.ThumbnailContentType ?? MediaFiles.WebpContentType),
            "spritesheet" => (Path.Combine(folder, MediaFiles.Spritesheet), MediaFiles.JpegContentType),
            _ => (Path.Combine(folder, MediaFiles.Video), MediaFiles.VideoContentType),
        };
    }

    private VideoResource Add(string model, string prompt, string size, string seconds, string? remixedFrom)
    {
        var now = mapper.NowMs;
        var job = store.Add(sequence => new VideoJob
        {
            Id = Ids.NewVideoId(),
            Sequence = sequence,
            Model = model,
            Prompt = prompt,
            Size = size,
            Seconds = seconds,
            RemixedFromVideoId = remixedFrom,
            CreatedAtMs = now,
        }, Math.Max(1, options.Value.MaxRunningJobs));
        processor.Wake();
        return mapper.ToResource(job);
    }

    private VideoJob Existing(string id)
    {
        var job = store.Find(id) ?? throw ApiErrors.VideoNotFound(id);
        return job.IsDeleted ? throw ApiErrors.VideoDeleted(id) : job;
    }
}
