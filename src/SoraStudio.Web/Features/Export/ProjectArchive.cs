using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// A project as one zip — <c>project.json</c> (project, shots, takes with their lineage and review notes) and <c>clips/</c> named by
/// SHA-256 — and back. Import checks every entry's path and every clip's checksum before it writes a row; the rows
/// go in one transaction, so a refused archive leaves no project behind (clips already stored are unreferenced
/// and the clip store's sweeper removes them). Members of a project may export it; whoever imports an archive
/// becomes the new project's Owner.
/// </summary>
public sealed partial class ProjectArchive(IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, TakeLifecycle lifecycle, TimeProvider time)
{
    public const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>Writes the project to <paramref name="zip"/>. Takes still being generated are left out.</summary>
    public async Task ExportAsync(long projectId, Stream zip, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var shots = await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var active = TakeStateMachine.Active.ToList();
        var takes = await db.Takes.AsNoTracking().Include(t => t.Clips).Where(t => t.ProjectId == projectId && !active.Contains(t.Status))
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);

        var shotKeys = shots.Select((s, i) => (s.Id, Key: i + 1)).ToDictionary(x => x.Id, x => x.Key);
        var takeKeys = takes.Select((t, i) => (t.Id, Key: i + 1)).ToDictionary(x => x.Id, x => x.Key);
        int? TakeKey(long? id) => id is { } v && takeKeys.TryGetValue(v, out var k) ? k : null;
        var notes = await ReadReviewNotesAsync(db, projectId, takeKeys, cancellationToken);
        var archiveTakes = takes.Select(t => new ArchiveTake
        {
            Key = takeKeys[t.Id], Shot = shotKeys[t.ShotId], Parent = TakeKey(t.ParentTakeId), RetryOf = TakeKey(t.RetryOfTakeId),
            RemixInstruction = t.RemixInstruction, Spec = t.Spec, Prompt = t.Prompt, Model = t.Model, Size = t.Size, Seconds = t.Seconds,
            VideoId = t.VideoId, Status = t.Status, Progress = t.Progress, ErrorCode = t.ErrorCode, ErrorMessage = t.ErrorMessage,
            FailureClass = t.FailureClass, EstimatedCost = t.EstimatedCost, Cost = t.Cost, RequestedBy = t.RequestedBy, CreatedAt = t.CreatedAt,
            SubmittedAt = t.SubmittedAt, CompletedAt = t.CompletedAt, ExpiresAt = t.ExpiresAt, Attempts = t.Attempts,
            Clips = t.Clips.OrderBy(c => c.Id).Select(c => new ArchiveClip
            {
                Variant = c.Variant, Path = $"clips/{c.Sha256}{Path.GetExtension(c.RelativePath)}", Bytes = c.Bytes, Sha256 = c.Sha256,
                ContentType = c.ContentType, Width = c.Width, Height = c.Height, DurationSeconds = c.DurationSeconds, CreatedAt = c.CreatedAt,
            }).ToList(),
            Review = notes.Reviews.GetValueOrDefault(t.Id),
            Comments = notes.Comments[t.Id].ToList(),
        }).ToList();
        var manifest = new ArchiveManifest
        {
            ExportedAt = time.GetUtcNow(),
            Project = new ArchiveProject
            {
                Name = project.Name, Description = project.Description, StyleBible = project.StyleBible, DefaultModel = project.DefaultModel,
                DefaultSize = project.DefaultSize, Budget = project.Budget, CreatedAt = project.CreatedAt,
            },
            Shots = shots.Select(s => new ArchiveShot
            {
                Key = shotKeys[s.Id], Position = s.Position, Title = s.Title, Spec = s.Spec, Overrides = s.Overrides, Notes = s.Notes,
                SelectedTake = TakeKey(s.SelectedTakeId), ApprovedTake = ApprovedTake(shotKeys[s.Id], archiveTakes), CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
            }).ToList(),
            Takes = archiveTakes,
        };

        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        var entry = archive.CreateEntry(ArchiveManifest.FileName, CompressionLevel.Optimal);
        await using (var json = entry.Open())
            await JsonSerializer.SerializeAsync(json, manifest, ArchiveManifest.Json, cancellationToken);
        var written = new HashSet<string>();
        foreach (var (take, clip) in takes.SelectMany(t => t.Clips.Select(c => (t, c))))
        {
            var path = $"clips/{clip.Sha256}{Path.GetExtension(clip.RelativePath)}";
            if (!written.Add(path))
                continue;
            if (!store.Exists(clip.RelativePath))
                throw new StudioException(StudioErrorKind.Conflict, $"The {clip.Variant} of take {take.Id} is missing from the clip store; the archive would not be complete.");
            // Video and images are compressed already.
            var file = archive.CreateEntry(path, CompressionLevel.NoCompression);
            await using var target = file.Open();
            await using var source = store.OpenRead(clip.RelativePath);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>
    /// Imports an archive as a new project; returns its id. Refuses unsafe paths, bad checksums and broken manifests.
    /// <paramref name="progress"/> hears each step (reading, each clip stored, saving) as it starts.
    /// </summary>
    public async Task<long> ImportAsync(Stream zip, string requestedBy = "", IProgress<ArchiveImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Signed in before anything is read or stored.
        var user = await access.UserAsync();
        progress?.Report(new(ArchiveImportStep.Reading));
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Refused("the file is not a zip archive.");
        }
        using (archive)
        {
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') && entry.Length == 0)
                    continue; // a folder
                if (!SafeEntry().IsMatch(entry.FullName) && entry.FullName != ArchiveManifest.FileName)
                    throw Refused($"the entry “{entry.FullName}” is outside the archive's layout (only {ArchiveManifest.FileName} and clips/<sha256>.<ext>; no “..”, absolute or other paths).");
                if (!entries.TryAdd(entry.FullName, entry))
                    throw Refused($"the entry “{entry.FullName}” appears twice.");
            }
            var manifest = await ReadManifestAsync(entries, cancellationToken);
            Check(manifest, entries);

            // Every clip into the store, checked against its size and checksum, before any row is written.
            var stored = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
            var clips = manifest.Takes.SelectMany(t => t.Clips).DistinctBy(c => c.Path).ToList();
            foreach (var clip in clips)
            {
                progress?.Report(new(ArchiveImportStep.Clips, stored.Count + 1, clips.Count));
                var entry = entries[clip.Path];
                try
                {
                    await using var content = entry.Open();
                    stored[clip.Path] = await store.SaveAsync(content, clip.ContentType, clip.Bytes, clip.Sha256, cancellationToken);
                }
                catch (ClipStoreException e)
                {
                    throw Refused($"{clip.Path} does not match its checksum ({e.Message}).");
                }
                catch (InvalidDataException)
                {
                    throw Refused($"{clip.Path} is damaged in the zip.");
                }
            }
            progress?.Report(new(ArchiveImportStep.Saving));
            return await WriteAsync(manifest, stored, user, cancellationToken);
        }
    }

    private static async Task<ArchiveManifest> ReadManifestAsync(Dictionary<string, ZipArchiveEntry> entries, CancellationToken cancellationToken)
    {
        if (!entries.TryGetValue(ArchiveManifest.FileName, out var entry))
            throw Refused($"it has no {ArchiveManifest.FileName}.");
        if (entry.Length > MaxManifestBytes)
            throw Refused($"{ArchiveManifest.FileName} is larger than {MaxManifestBytes / 1024 / 1024} MB.");
        try
        {
            await using var json = entry.Open();
            return await JsonSerializer.DeserializeAsync<ArchiveManifest>(json, ArchiveManifest.Json, cancellationToken)
                ?? throw Refused($"{ArchiveManifest.FileName} is empty.");
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e);
            throw Refused($"{ArchiveManifest.FileName} is not a valid manifest (at {field}: {message})");
        }
    }

    private static void Check(ArchiveManifest manifest, Dictionary<string, ZipArchiveEntry> entries)
    {
        if (manifest.FormatName != ArchiveManifest.Format || manifest.Version is < ArchiveManifest.OldestVersion or > ArchiveManifest.CurrentVersion)
            throw Refused($"it is not a {ArchiveManifest.Format} archive of version {ArchiveManifest.OldestVersion} to {ArchiveManifest.CurrentVersion}.");
        if (string.IsNullOrWhiteSpace(manifest.Project.Name))
            throw Refused("the project has no name.");
        var shots = manifest.Shots.Select(s => s.Key).ToList();
        var takes = manifest.Takes.Select(t => t.Key).ToList();
        if (shots.Distinct().Count() != shots.Count || takes.Distinct().Count() != takes.Count)
            throw Refused("two shots or two takes share a key.");
        var shotSet = shots.ToHashSet();
        var takeSet = takes.ToHashSet();
        foreach (var take in manifest.Takes)
        {
            if (!shotSet.Contains(take.Shot))
                throw Refused($"take {take.Key} belongs to shot {take.Shot}, which is not in the archive.");
            if (take.Parent is { } p && !takeSet.Contains(p) || take.RetryOf is { } r && !takeSet.Contains(r))
                throw Refused($"take {take.Key} refers to a take that is not in the archive.");
            if (TakeStateMachine.IsActive(take.Status))
                throw Refused($"take {take.Key} is {take.Status}; an archive holds finished takes only.");
            foreach (var clip in take.Clips)
            {
                if (!Sha256().IsMatch(clip.Sha256) || clip.Path != $"clips/{clip.Sha256}{Path.GetExtension(clip.Path)}")
                    throw Refused($"take {take.Key}'s {clip.Variant} is not named by its checksum.");
                if (!entries.ContainsKey(clip.Path))
                    throw Refused($"take {take.Key}'s {clip.Variant} ({clip.Path}) is missing from the zip.");
            }
        }
        if (manifest.Shots.FirstOrDefault(s => s.SelectedTake is { } t && !takeSet.Contains(t)) is { } shot)
            throw Refused($"shot {shot.Key} selects a take that is not in the archive.");
        CheckReviewNotes(manifest);
        CheckLimits(manifest);
        // Parents must come before children, or the lineage has a cycle.
        var seen = new HashSet<int>();
        var pending = manifest.Takes.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.Parent is not { } p || seen.Contains(p)).ToList();
            if (ready.Count == 0)
                throw Refused("the takes' lineage has a cycle.");
            foreach (var t in ready)
                seen.Add(t.Key);
            pending.RemoveAll(ready.Contains);
        }
    }

    private async Task<long> WriteAsync(ArchiveManifest manifest, Dictionary<string, StoredFile> stored, StudioIdentity user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = manifest.Project;
        var project = new Project
        {
            Name = await FreeNameAsync(db, source.Name, cancellationToken), Description = source.Description, StyleBible = source.StyleBible, DefaultModel = source.DefaultModel,
            DefaultSize = source.DefaultSize, Budget = source.Budget, CreatedAt = source.CreatedAt,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!user.IsSystem)
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.UserId, Role = ProjectRole.Owner, AddedAt = now });
        ActivityLog.Add(db, now, project.Id, user, ActivityKind.ProjectCreated, $"imported the project “{project.Name}” from an archive");
        var shots = manifest.Shots.ToDictionary(s => s.Key, s => new Shot
        {
            ProjectId = project.Id, Position = s.Position, Title = s.Title, Spec = s.Spec, Overrides = s.Overrides, Notes = s.Notes,
            CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
        });
        db.Shots.AddRange(shots.Values);
        await db.SaveChangesAsync(cancellationToken);

        // A provider's video id stays with its take, unless a take here already has it (an archive imported twice).
        var videoIds = manifest.Takes.Where(t => t.VideoId is not null).Select(t => t.VideoId!).ToList();
        var taken = (await db.Takes.Where(t => t.VideoId != null && videoIds.Contains(t.VideoId)).Select(t => t.VideoId!).ToListAsync(cancellationToken)).ToHashSet();

        // In the archive's order (the original order); each remix points at its parent through the navigation.
        var takes = new Dictionary<int, Take>();
        foreach (var t in manifest.Takes)
        {
            takes[t.Key] = new Take
            {
                ProjectId = project.Id, ShotId = shots[t.Shot].Id, RemixInstruction = t.RemixInstruction, Spec = t.Spec, Prompt = t.Prompt,
                Model = t.Model, Size = t.Size, Seconds = t.Seconds, VideoId = t.VideoId is { } v && !taken.Contains(v) ? v : null, Progress = t.Progress,
                ErrorCode = t.ErrorCode, ErrorMessage = t.ErrorMessage, FailureClass = t.FailureClass, EstimatedCost = t.EstimatedCost,
                Cost = t.Cost, RequestedBy = t.RequestedBy, CreatedAt = t.CreatedAt, SubmittedAt = t.SubmittedAt, CompletedAt = t.CompletedAt,
                ExpiresAt = t.ExpiresAt, Attempts = t.Attempts,
                Clips = t.Clips.Select(c => new Clip
                {
                    Variant = c.Variant, RelativePath = stored[c.Path].RelativePath, Bytes = c.Bytes, Sha256 = c.Sha256, ContentType = c.ContentType,
                    Width = c.Width, Height = c.Height, DurationSeconds = c.DurationSeconds, CreatedAt = c.CreatedAt,
                }).ToList(),
            };
        }
        foreach (var t in manifest.Takes.Where(t => t.Parent is not null))
            takes[t.Key].ParentTake = takes[t.Parent!.Value];
        foreach (var t in manifest.Takes)
            lifecycle.AddImported(db, takes[t.Key], t.Status);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var t in manifest.Takes.Where(t => t.RetryOf is not null))
            takes[t.Key].RetryOfTakeId = takes[t.RetryOf!.Value].Id;
        foreach (var s in manifest.Shots.Where(s => s.SelectedTake is not null))
            shots[s.Key].SelectedTakeId = takes[s.SelectedTake!.Value].Id;
        await db.SaveChangesAsync(cancellationToken);
        await WriteReviewNotesAsync(db, manifest, project.Id, takes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project.Id;
    }

    private static StudioException Refused(string reason) => StudioException.Invalid("archive", $"The archive was not imported: {reason}");

    [GeneratedRegex("^clips/[0-9a-f]{64}(\\.[a-z0-9]{1,5})?$")]
    private static partial Regex SafeEntry();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
