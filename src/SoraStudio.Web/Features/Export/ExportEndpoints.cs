using System.Text;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// Downloads of a project's sequence: <c>/projects/{id}/export/sequence.mp4</c> (ffmpeg), <c>sequence.edl</c>
/// (CMX3600) and <c>shot-list.md</c>. Refusals come back as problem details with the reason.
/// </summary>
public static class ExportEndpoints
{
    public static string Url(long projectId, string file) => $"/projects/{projectId}/export/{file}";

    /// <summary>The response header of <c>sequence.mp4</c> that says how the takes were joined.</summary>
    public const string JoinHeader = "X-Sora-Join";

    public static IEndpointRouteBuilder MapStudioExport(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects/{projectId:long}/export");
        group.MapGet("/sequence.edl", async (long projectId, ExportService export, CancellationToken ct) =>
            await Refusals(async () => Results.File(Encoding.ASCII.GetBytes(await export.EdlAsync(projectId, ct)), "text/plain; charset=us-ascii", $"project-{projectId}.edl")));
        group.MapGet("/shot-list.md", async (long projectId, ExportService export, HttpContext http, CancellationToken ct) =>
            await Refusals(async () => Results.File(Encoding.UTF8.GetBytes(await export.ShotListMarkdownAsync(projectId, $"{http.Request.Scheme}://{http.Request.Host}", ct)),
                "text/markdown; charset=utf-8", $"project-{projectId}-shot-list.md")));
        group.MapGet("/sequence.mp4", async (long projectId, ExportService export, HttpContext http, CancellationToken ct) => await Refusals(async () =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"sora-sequence-{Guid.NewGuid():N}.mp4");
            try
            {
                var plan = await export.JoinAsync(projectId, path, ct);
                // Which path the join took (stream copy, or re-encoded to one size and why), for whoever downloads it.
                http.Response.Headers[JoinHeader] = plan.HeaderValue;
            }
            catch
            {
                File.Delete(path);
                throw;
            }
            // Deleted when the response has been sent.
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return Results.File(file, "video/mp4", $"project-{projectId}.mp4");
        }));
        group.MapGet("/archive.zip", async (long projectId, ProjectArchive archive, CancellationToken ct) => await Refusals(async () =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"sora-archive-{Guid.NewGuid():N}.zip");
            try
            {
                await using (var zip = File.Create(path))
                    await archive.ExportAsync(projectId, zip, ct);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return Results.File(file, "application/zip", $"project-{projectId}.sora.zip");
        }));
        return endpoints;
    }

    private static async Task<IResult> Refusals(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (StudioException e)
        {
            return Results.Problem(e.Message, statusCode: e.Kind switch
            {
                // Signed out or not a member: the project does not exist.
                StudioErrorKind.NotFound or StudioErrorKind.Unauthenticated => StatusCodes.Status404NotFound,
                StudioErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                StudioErrorKind.Invalid => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status409Conflict,
            });
        }
    }
}
