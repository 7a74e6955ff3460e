using SoraStudio.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Api;

/// <summary>Takes: state, files (with ranges), remix, retry, cancel, and the remix tree.</summary>
internal static class TakesApi
{
    public static void MapTakesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/takes/{takeId:long}", async (long takeId, GalleryQueries gallery, CancellationToken ct) =>
                ApiJson.Ok(TakeDetails.From(await gallery.TakeAsync(takeId, ct))))
            .WithName("GetTake").WithSummary("A take's state, what was sent, and its files.")
            .Produces<TakeDetails>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/takes/{takeId:long}/content/{variant}", async (
                long takeId, string variant, GalleryQueries gallery, IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, HttpContext http, CancellationToken ct) =>
            {
                if (!ClipEndpoint.Variants.Contains(variant))
                    return ApiProblems.Invalid("variant", $"“{variant}” is not a file of a take; one of {string.Join(", ", ClipEndpoint.Variants)}.");
                var take = await gallery.TakeAsync(takeId, ct);
                // The media endpoint's own serving: ranges, ETag by hash, a year of caching.
                var file = await ClipEndpoint.ServeAsync(takeId, variant, contexts, store, access, http, ct);
                return file is NotFound
                    ? ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", $"Take {takeId} has no {variant} ({Status(take.Card.Status)}).")
                    : file;
            })
            .WithName("DownloadTakeContent").WithSummary("A take's video (MP4), thumbnail (WebP) or spritesheet (JPEG); supports Range requests and If-None-Match.")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4", additionalContentTypes: ["image/webp", "image/jpeg"])
            .Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/takes/{takeId:long}/remix", async (long takeId, HttpContext http, GenerationService generation, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<RemixRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var id = await generation.RemixAsync(takeId, input!.Instruction, http.Caller(), ct);
                return ApiJson.Ok(new QueuedTakes([id], [ApiEndpoints.TakeUrl(id)]), StatusCodes.Status202Accepted);
            })
            .WithName("RemixTake").WithSummary("Queues a remix of a ready take with the one change the instruction asks for.")
            .Accepts<RemixRequest>("application/json").Produces<QueuedTakes>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/takes/{takeId:long}/edit", async (long takeId, HttpContext http, GenerationService generation, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<RemixRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var id = await generation.EditAsync(takeId, input!.Instruction, ct);
                return ApiJson.Ok(new QueuedTakes([id], [ApiEndpoints.TakeUrl(id)]), StatusCodes.Status202Accepted);
            })
            .WithName("EditTake").WithSummary("Queues an edit (POST /videos/edits) of a ready take with the one change the instruction asks for.")
            .Accepts<RemixRequest>("application/json").Produces<QueuedTakes>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/takes/{takeId:long}/extend", async (long takeId, HttpContext http, GenerationService generation, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<ExtendRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var id = await generation.ExtendAsync(takeId, input!.Seconds, input.Prompt, ct);
                return ApiJson.Ok(new QueuedTakes([id], [ApiEndpoints.TakeUrl(id)]), StatusCodes.Status202Accepted);
            })
            .WithName("ExtendTake").WithSummary("Queues an extension of a ready take: its clip followed by 4, 8, 12, 16 or 20 seconds more (at most six extensions, 120 s in all).")
            .Accepts<ExtendRequest>("application/json").Produces<QueuedTakes>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/takes/{takeId:long}/extend/quote", async (long takeId, string? seconds, GenerationService generation, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var added = ApiQuery.Int(seconds, "seconds", 4, errors);
                if (errors.Count > 0)
                    return ApiProblems.Invalid(errors, "The query is not valid.");
                return Quote(await generation.QuoteExtensionAsync(takeId, added, ct));
            })
            .WithName("QuoteTakeExtension").WithSummary("What extending the take by 4, 8, 12, 16 or 20 seconds would cost, against the project's budget (a seventh extension or a total over 120 s is refused by field).")
            .Produces<QuoteResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/takes/{takeId:long}/edit/quote", async (long takeId, GenerationService generation, CancellationToken ct) =>
                Quote(await generation.QuoteChangeAsync(takeId, ct)))
            .WithName("QuoteTakeEdit").WithSummary("What an edit or a remix of the take (a take of its length) would cost, against the project's budget.")
            .Produces<QuoteResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/takes/{takeId:long}/retry", async (long takeId, HttpContext http, GenerationService generation, CancellationToken ct) =>
            {
                var id = await generation.RetryAsync(takeId, http.Caller(), ct);
                return ApiJson.Ok(new QueuedTakes([id], [ApiEndpoints.TakeUrl(id)]), StatusCodes.Status202Accepted);
            })
            .WithName("RetryTake").WithSummary("Tries a failed, canceled, expired or set-aside take again as a new take.")
            .Produces<QueuedTakes>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/takes/{takeId:long}/cancel", async (long takeId, GenerationService generation, CancellationToken ct) =>
                ApiJson.Ok(new CancelResult(takeId, await generation.CancelAsync(takeId, ct))))
            .WithName("CancelTake").WithSummary("Cancels a take that is still being generated.")
            .Produces<CancelResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/takes/{takeId:long}/lineage", async (long takeId, GalleryQueries gallery, CancellationToken ct) =>
                ApiJson.Ok((await gallery.RemixTreeAsync(takeId, ct))
                    .Select(n => new RemixNodeResponse(n.TakeId, n.ParentTakeId, n.RemixInstruction, n.Status, n.CreatedAt, ApiEndpoints.TakeUrl(n.TakeId), n.Kind)).ToList()))
            .WithName("GetTakeLineage").WithSummary("The lineage tree the take belongs to (remixes, edits, extensions), from its root take down.")
            .Produces<IReadOnlyList<RemixNodeResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Quote(CostQuote quote) =>
        ApiJson.Ok(new QuoteResponse(quote.Estimate, quote.Budget.Budget, quote.Budget.Committed, quote.Budget.Remaining, quote.WithinBudget));

    private static string Status(TakeStatus status) => status == TakeStatus.Ready ? "the file is missing from the clip store" : $"it is {status}";
}

/// <summary>One take of a lineage tree; <see cref="Kind"/> says how it came from its parent.</summary>
public sealed record RemixNodeResponse(long TakeId, long? ParentTakeId, string? RemixInstruction, TakeStatus Status, DateTimeOffset CreatedAt, string Url,
    TakeKind Kind = TakeKind.Generation);
