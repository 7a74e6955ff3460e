using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Media;

/// <summary>
/// Serves a take's stored files: <c>GET /media/takes/{takeId}/{variant}</c> (video, thumbnail, spritesheet).
/// Range requests make the player seek; a take's file never changes, so browsers may keep it for a year.
/// Only members of the take's project get it; to anyone else the take does not exist.
/// </summary>
public static class ClipEndpoint
{
    public const string Pattern = "/media/takes/{takeId:long}/{variant}";

    public static readonly IReadOnlyList<string> Variants = ["video", "thumbnail", "spritesheet"];

    public static string Url(long takeId, string variant = "video") => $"/media/takes/{takeId}/{variant}";

    public static IEndpointConventionBuilder MapStudioMedia(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Pattern, ServeAsync).WithName("TakeClip");

    /// <summary>The file, or NotFound; the automation API's download reuses it.</summary>
    internal static async Task<IResult> ServeAsync(
        long takeId, string variant, IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Variants.Contains(variant))
            return Results.NotFound();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        }
        catch (StudioException e) when (e.Kind is StudioErrorKind.NotFound or StudioErrorKind.Unauthenticated)
        {
            return Results.NotFound();
        }
        var clip = await db.Clips.AsNoTracking()
            .Where(c => c.TakeId == takeId && c.Variant == variant)
            .Select(c => new { c.RelativePath, c.ContentType, c.Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        if (clip is null || !store.Exists(clip.RelativePath))
            return Results.NotFound();

        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return Results.File(
            store.GetFullPath(clip.RelativePath),
            clip.ContentType,
            enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{clip.Sha256}\""));
    }
}
