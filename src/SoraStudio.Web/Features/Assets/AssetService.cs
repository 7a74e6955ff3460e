using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Assets;

public sealed class AssetService(IDbContextFactory<StudioDbContext> contexts, IValidator<AssetUpload> validator, ClipStore store, ProjectAccess access, TimeProvider time)
{
    /// <summary>The largest image accepted; the API takes data URLs up to 20 MiB.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Checks the image (type, header, size), then stores it and records it. An image that fails a check leaves
    /// nothing behind; if recording fails after storing, the file is an orphan the store's sweep removes.
    /// </summary>
    public async Task<AssetInfo> AddAsync(long projectId, AssetUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var result = await validator.ValidateAsync(upload, cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The image cannot be added.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Edit, cancellationToken);

        using var copy = await ReadBoundedAsync(upload.Content, cancellationToken);
        var info = MediaProbe.Probe(copy);
        if (info.Width is not { } width || info.Height is not { } height)
            throw StudioException.Invalid("content", $"“{upload.FileName}” is not a readable {upload.ContentType} image.");

        copy.Position = 0;
        var stored = await store.SaveAsync(copy, upload.ContentType, copy.Length, cancellationToken: cancellationToken);
        var asset = new Asset
        {
            ProjectId = projectId,
            Kind = upload.Kind,
            Name = upload.Name.Trim(),
            FileName = Path.GetFileName(upload.FileName),
            RelativePath = stored.RelativePath,
            ContentType = upload.ContentType.ToLowerInvariant(),
            Width = width,
            Height = height,
            Bytes = stored.Bytes,
            Sha256 = stored.Sha256,
            CreatedAt = time.GetUtcNow(),
        };
        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return ToInfo(asset);
    }

    public async Task<IReadOnlyList<AssetInfo>> ListAsync(long projectId, AssetKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var assets = await db.Assets.AsNoTracking()
            .Where(a => a.ProjectId == projectId && (kind == null || a.Kind == kind))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name).ToListAsync(cancellationToken);
        return assets.Select(ToInfo).ToList();
    }

    public async Task<AssetInfo> GetAsync(long assetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireAssetAsync(db, assetId, ProjectPermission.View, cancellationToken);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken)
            ?? throw StudioException.NotFound("Asset", assetId);
        return ToInfo(asset);
    }

    /// <summary>The image's bytes; the caller disposes the stream.</summary>
    public async Task<Stream> OpenAsync(long assetId, CancellationToken cancellationToken = default)
    {
        var asset = await GetAsync(assetId, cancellationToken);
        if (!store.Exists(asset.RelativePath))
            throw new StudioException(StudioErrorKind.NotFound, $"The file of asset {assetId} is missing from the clip store.");
        return store.OpenRead(asset.RelativePath);
    }

    /// <summary>Removes the asset; shots that used it keep its description but must choose another image to generate.</summary>
    public async Task DeleteAsync(long assetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireAssetAsync(db, assetId, ProjectPermission.Edit, cancellationToken);
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken)
            ?? throw StudioException.NotFound("Asset", assetId);
        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<MemoryStream> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                await copy.DisposeAsync();
                throw StudioException.Invalid("content", $"The image is larger than {MaxBytes / (1024 * 1024)} MiB.");
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    private static AssetInfo ToInfo(Asset a) =>
        new(a.Id, a.ProjectId, a.Kind, a.Name, a.FileName, a.ContentType, a.Width, a.Height, a.Bytes, a.Sha256, a.RelativePath, a.CreatedAt);
}
