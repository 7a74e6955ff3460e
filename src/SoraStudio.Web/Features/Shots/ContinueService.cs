using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Shots;

/// <summary>Where "Continue in next shot" put the take's last frame.</summary>
/// <param name="Filled">True when the shot after the take's was empty and was filled; false when a shot was inserted.</param>
public sealed record ContinuedShot(long ShotId, long ProjectId, int Position, bool Filled, long AssetId);

/// <summary>
/// The guide's workflow of stitching short clips: the last frame of a take (ffmpeg) becomes the reference image (first
/// frame) of the next shot, at the take's size. The shot after the take's is filled when it is empty (no text, no
/// reference image, no takes); otherwise a shot is inserted after the take's. The new first frame frames like the clip it
/// continues, so the shot takes the take's model and size; it carries the take's shot's own look (style, cinematography)
/// and overrides, and the project's style bible fills the rest as for any shot. The spec is validated with the
/// reference-image checks (content type, size must match) before anything is written.
/// </summary>
public sealed class ContinueService(
    IDbContextFactory<StudioDbContext> contexts,
    ClipStore store,
    ClipCutter cutter,
    IValidator<ShotInput> inputs,
    ProjectAccess access,
    TimeProvider time)
{
    public async Task<ContinuedShot> ContinueAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.Edit, cancellationToken);
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId).Select(t => new { t.ShotId, t.Status, t.Model, t.Size, t.Seconds }).SingleAsync(cancellationToken);
        var video = await db.Clips.AsNoTracking().Where(c => c.TakeId == takeId && c.Variant == VideoVariant.Video)
            .Select(c => c.RelativePath).FirstOrDefaultAsync(cancellationToken);
        if (take.Status != TakeStatus.Ready || video is null || !store.Exists(video))
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId} has no clip to continue from (it is {take.Status}).");
        if (!VideoSize.TryParse(take.Size, out var size))
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId}'s size “{take.Size}” is not WIDTHxHEIGHT; its frame has no size to be cut at.");

        var fileName = $"take-{takeId}-last-frame.png";
        var frame = await LastFrameAsync(store.GetFullPath(video), size, cancellationToken);
        var info = MediaProbe.Probe(store.GetFullPath(frame.RelativePath));
        var source = await db.Shots.AsNoTracking().SingleAsync(s => s.Id == take.ShotId, cancellationToken);
        var spec = ShotSpec.Empty with
        {
            Model = take.Model,
            Size = take.Size,
            Seconds = take.Seconds,
            Style = source.Spec.Style,
            Cinematography = source.Spec.Cinematography,
            ReferenceImage = new ReferenceImage(fileName, "image/png", info.Width ?? 0, info.Height ?? 0),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var next = await db.Shots.Include(s => s.Takes).SingleOrDefaultAsync(s => s.ProjectId == projectId && s.Position == source.Position + 1, cancellationToken);
        var fill = next is not null && IsEmpty(next);
        if (fill)
            spec = spec with { Seconds = next!.Spec.Seconds };
        var title = fill ? next!.Title : ContinuedTitle(source.Title);
        // Checked as any shot's input is, the reference image's checks with it: a frame that does not fit is refused here, not at the provider.
        var result = await inputs.ValidateAsync(new ShotInput(title, spec, fill ? next!.Notes : "", source.Overrides), cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, $"Take {takeId}'s last frame cannot start the next shot.");

        var now = time.GetUtcNow();
        var asset = new Asset
        {
            ProjectId = projectId,
            Kind = AssetKind.Frame,
            Name = $"Last frame of take {takeId}",
            FileName = fileName,
            RelativePath = frame.RelativePath,
            ContentType = "image/png",
            Width = info.Width ?? 0,
            Height = info.Height ?? 0,
            Bytes = frame.Bytes,
            Sha256 = frame.Sha256,
            CreatedAt = now,
        };
        db.Assets.Add(asset);
        var shot = fill ? next! : await InsertAfterAsync(db, source, title, now, cancellationToken);
        shot.Spec = spec;
        shot.Overrides = fill ? shot.Overrides : source.Overrides;
        shot.ReferenceAsset = asset;
        shot.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ContinuedShot(shot.Id, projectId, shot.Position, fill, asset.Id);
    }

    /// <summary>Nothing written in it: the spec is the empty one (whatever its model, size and length), no reference image, no takes.</summary>
    internal static bool IsEmpty(Shot shot) =>
        shot.ReferenceAssetId is null && shot.Takes.Count == 0
        && shot.Spec with { Model = ShotSpec.Empty.Model, Size = ShotSpec.Empty.Size, Seconds = ShotSpec.Empty.Seconds } == ShotSpec.Empty;

    private async Task<StoredFile> LastFrameAsync(string video, VideoSize size, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("sora-frame-");
        try
        {
            var png = Path.Combine(folder.FullName, "last-frame.png");
            await cutter.LastFrameAsync(video, size.Width, size.Height, png, cancellationToken);
            await using var read = File.OpenRead(png);
            return await store.SaveAsync(read, "image/png", cancellationToken: cancellationToken);
        }
        catch (ClipCutterException e)
        {
            throw new StudioException(StudioErrorKind.Conflict, e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A new shot right after <paramref name="source"/>, the later shots moved one place down in the same save.</summary>
    private static string ContinuedTitle(string source)
    {
        var title = source.Trim().Length == 0 ? "Continued" : $"{source.Trim()} (continued)";
        return title.Length > TextLimits.Name ? title[..TextLimits.Name] : title;
    }

    private static async Task<Shot> InsertAfterAsync(StudioDbContext db, Shot source, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var later = await db.Shots.Where(s => s.ProjectId == source.ProjectId && s.Position > source.Position).ToListAsync(cancellationToken);
        foreach (var shot in later)
            shot.Position++;
        var inserted = new Shot
        {
            ProjectId = source.ProjectId,
            Position = source.Position + 1,
            Title = title,
            CreatedAt = now,
        };
        db.Shots.Add(inserted);
        return inserted;
    }
}
