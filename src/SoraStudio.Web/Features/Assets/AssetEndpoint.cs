using Microsoft.Net.Http.Headers;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Assets;

/// <summary>
/// Serves a reference image: <c>GET /media/assets/{assetId}</c>, for its preview and for the in-browser crop.
/// Stored files are content-addressed and never change, so browsers may keep them. Only members of the asset's project get it.
/// </summary>
public static class AssetEndpoint
{
    public const string Pattern = "/media/assets/{assetId:long}";

    public static string Url(long assetId) => $"/media/assets/{assetId}";

    public static IEndpointConventionBuilder MapStudioAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Pattern, ServeAsync).WithName("AssetImage");

    private static async Task<IResult> ServeAsync(long assetId, AssetService assets, ClipStore store, HttpContext http, CancellationToken cancellationToken)
    {
        AssetInfo asset;
        try
        {
            asset = await assets.GetAsync(assetId, cancellationToken);
        }
        // To someone who is not a member of the asset's project it does not exist.
        catch (StudioException e) when (e.Kind is StudioErrorKind.NotFound or StudioErrorKind.Unauthenticated)
        {
            return Results.NotFound();
        }
        if (!store.Exists(asset.RelativePath))
            return Results.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(store.GetFullPath(asset.RelativePath), asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Sha256}\""));
    }
}
