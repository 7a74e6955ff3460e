using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;
using SoraStudio.Emulator.Media;

namespace SoraStudio.Emulator.Jobs;

/// <summary>The operations behind the endpoints, with the contract's rules for each.</summary>
internal sealed class VideoService(
    JobStore store, CharacterStore characters, VideoMapper mapper, JobProcessor processor, IOptions<EmulatorOptions> options)
{
    public static readonly string[] Orders = ["asc", "desc"];
    public static readonly string[] Variants = ["video", "thumbnail", "spritesheet"];
    public const int MaxExtensions = 6;
    public const int MaxExtendedSeconds = 120;

    public VideoResource Create(CreateVideoRequest request)
    {
        var names = request.CharacterIds.Select(id => characters.Find(id)?.Name ?? throw ApiErrors.UnknownCharacter(id)).ToList();
        return Add(new NewJob(request.Model, request.Prompt, request.Size, request.Seconds)
        {
            Heading = names.Count > 0 ? "Cast: " + string.Join(", ", names) : null,
        });
    }

    /// <summary>A new video of the source's model, size and length, changed as the prompt says.</summary>
    public VideoResource Edit(VideoSourceRequest request)
    {
        var source = CompletedSource(request.VideoId, "edited");
        return Add(new NewJob(source.Model, request.Prompt, source.Size, source.Seconds) { SourceVideoId = source.Id, Heading = "Edit" });
    }

    /// <summary>A new video: the source clip followed by the added seconds; its <c>seconds</c> is the stitched total.</summary>
    public VideoResource Extend(VideoSourceRequest request)
    {
        var source = CompletedSource(request.VideoId, "extended");
        var added = int.Parse(request.Seconds!, System.Globalization.CultureInfo.InvariantCulture);
        if (source.ExtensionCount >= MaxExtensions)
        {
            throw ApiErrors.TooManyExtensions(source.Id, MaxExtensions);
        }
        var total = source.DurationSeconds + added;
        if (total > MaxExtendedSeconds)
        {
            throw ApiErrors.ExtendedTooLong(source.Id, total, MaxExtendedSeconds);
        }
        var id = Ids.NewVideoId();
        File.Copy(Path.Combine(store.MediaFolder(source.Id), MediaFiles.Video), store.SourceClip(id), overwrite: true);
        try
        {
            return Add(new NewJob(source.Model, request.Prompt, source.Size, total.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Id = id,
                SourceVideoId = source.Id,
                ExtensionCount = source.ExtensionCount + 1,
                AddedSeconds = added,
                Heading = $"Extension +{added} s",
            });
        }
        catch
        {
            File.Delete(store.SourceClip(id));
            throw;
        }
    }

    public VideoCharacterResource CreateCharacter(CharacterRequest request)
    {
        var character = new VideoCharacterResource(Ids.NewCharacterId(), request.Name, mapper.NowMs / 1000);
        characters.Add(character);
        return character;
    }

    public VideoCharacterResource GetCharacter(string id) => characters.Find(id) ?? throw ApiErrors.CharacterNotFound(id);

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
        return Add(new NewJob(source.Model, prompt, source.Size, source.Seconds) { RemixedFromVideoId = source.Id });
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

    private VideoResource Add(NewJob request)
    {
        var now = mapper.NowMs;
        var job = store.Add(sequence => new VideoJob
        {
            Id = request.Id ?? Ids.NewVideoId(),
            Sequence = sequence,
            Model = request.Model,
            Prompt = request.Prompt,
            Size = request.Size,
            Seconds = request.Seconds,
            RemixedFromVideoId = request.RemixedFromVideoId,
            SourceVideoId = request.SourceVideoId,
            ExtensionCount = request.ExtensionCount,
            AddedSeconds = request.AddedSeconds,
            Heading = request.Heading,
            CreatedAtMs = now,
        }, Math.Max(1, options.Value.MaxRunningJobs));
        processor.Wake();
        return mapper.ToResource(job);
    }

    /// <summary>A source for an edit or an extension: it must exist, be completed and still have its clip.</summary>
    private VideoJob CompletedSource(string id, string operation)
    {
        var source = store.Find(id);
        if (source is null || source.IsDeleted)
        {
            throw ApiErrors.SourceNotFound(id);
        }
        if (source.Status != VideoStatus.Completed)
        {
            throw ApiErrors.SourceNotCompleted(id, source.Status, operation);
        }
        if (mapper.IsExpired(source) || !source.MediaReady)
        {
            throw ApiErrors.SourceExpired(id, operation);
        }
        return source;
    }

    private sealed record NewJob(string Model, string Prompt, string Size, string Seconds)
    {
        public string? Id { get; init; }
        public string? RemixedFromVideoId { get; init; }
        public string? SourceVideoId { get; init; }
        public int ExtensionCount { get; init; }
        public int? AddedSeconds { get; init; }
        public string? Heading { get; init; }
    }

    private VideoJob Existing(string id)
    {
        var job = store.Find(id) ?? throw ApiErrors.VideoNotFound(id);
        return job.IsDeleted ? throw ApiErrors.VideoDeleted(id) : job;
    }
}
