using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Cast;

/// <summary>A cast member's thumbnail: <c>GET /media/cast/{memberId}/thumbnail</c>, for members of its project only.</summary>
public static class CastThumbnailEndpoint
{
    public const string Pattern = "/media/cast/{memberId:long}/thumbnail";

    public static string Url(long memberId) => $"/media/cast/{memberId}/thumbnail";

    public static IEndpointConventionBuilder MapStudioCast(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Pattern, ServeAsync).WithName("CastThumbnail");

    private static async Task<IResult> ServeAsync(long memberId, HttpContext http, ClipStore store, CancellationToken cancellationToken)
    {
        string? path;
        try
        {
            path = await http.RequestServices.GetRequiredService<CastService>().ThumbnailPathAsync(memberId, cancellationToken);
        }
        // To someone who is not a member of the project it does not exist.
        catch (StudioException e) when (e.Kind is StudioErrorKind.NotFound or StudioErrorKind.Unauthenticated)
        {
            return Results.NotFound();
        }
        if (path is null)
            return Results.NotFound();
        // Content-addressed: the file under this path never changes.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return Results.File(store.GetFullPath(path), "image/jpeg");
    }
}
