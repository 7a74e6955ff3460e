using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Review;

namespace SoraStudio.Web.Features.Api;

/// <summary>
/// A take's time-coded comments over the review layer's <see cref="CommentService"/>: list, add (at a point, over a
/// range or on the whole take), reply, resolve and reopen. The roles are the service's: anyone who can see the take
/// lists, Reviewers and up comment; a comment the caller cannot see "does not exist".
/// </summary>
internal static class CommentsApi
{
    public static string CommentUrl(long commentId) => $"{ApiEndpoints.Prefix}/comments/{commentId}";

    public static void MapCommentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/takes/{takeId:long}/comments", async (long takeId, CommentService comments, CancellationToken ct) =>
                ApiJson.Ok(CommentResponse.Threads(await comments.ThreadAsync(takeId, ct))))
            .WithName("ListComments").WithSummary("The take's comments in time order, each with its replies.")
            .Produces<IReadOnlyList<CommentResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/takes/{takeId:long}/comments", async (long takeId, HttpContext http, CommentService comments, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<NewCommentRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var id = await comments.AddAsync(takeId, new CommentInput(input!.Body, input.StartSeconds, input.EndSeconds), ct);
                return await CreatedAsync(http, comments, takeId, id, ct);
            })
            .WithName("AddComment").WithSummary("Comments on the take at a moment (startSeconds), over a range (startSeconds to endSeconds) or on the whole take (neither). Plain text; @Name mentions a member.")
            .Accepts<NewCommentRequest>("application/json").Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/comments/{commentId:long}", async (long commentId, IDbContextFactory<StudioDbContext> contexts, CommentService comments, CancellationToken ct) =>
            {
                var takeId = await TakeOfAsync(contexts, commentId, ct);
                return ApiJson.Ok(await FindAsync(comments, takeId, commentId, ct));
            })
            .WithName("GetComment").WithSummary("One comment with its replies.")
            .Produces<CommentResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/comments/{commentId:long}/replies", async (long commentId, HttpContext http, IDbContextFactory<StudioDbContext> contexts, CommentService comments, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<ReplyRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                var takeId = await TakeOfAsync(contexts, commentId, ct);
                long id;
                try
                {
                    id = await comments.AddAsync(takeId, new CommentInput(input!.Body, ParentId: commentId), ct);
                }
                catch (StudioException e) when (e.Kind == StudioErrorKind.NotFound)
                {
                    // The take of a comment the caller cannot see: the comment is what "does not exist".
                    throw StudioException.NotFound("Comment", commentId);
                }
                return await CreatedAsync(http, comments, takeId, id, ct);
            })
            .WithName("ReplyToComment").WithSummary("Replies to a comment (one level: a reply to a reply is refused).")
            .Accepts<ReplyRequest>("application/json").Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/comments/{commentId:long}/resolve", (long commentId, IDbContextFactory<StudioDbContext> contexts, CommentService comments, CancellationToken ct) =>
                ResolveAsync(contexts, comments, commentId, resolved: true, ct))
            .WithName("ResolveComment").WithSummary("Marks a comment resolved.")
            .Produces<CommentResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/comments/{commentId:long}/reopen", (long commentId, IDbContextFactory<StudioDbContext> contexts, CommentService comments, CancellationToken ct) =>
                ResolveAsync(contexts, comments, commentId, resolved: false, ct))
            .WithName("ReopenComment").WithSummary("Opens a resolved comment again.")
            .Produces<CommentResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ResolveAsync(IDbContextFactory<StudioDbContext> contexts, CommentService comments, long commentId, bool resolved, CancellationToken ct)
    {
        await comments.ResolveAsync(commentId, resolved, ct);
        return ApiJson.Ok(await FindAsync(comments, await TakeOfAsync(contexts, commentId, ct), commentId, ct));
    }

    private static async Task<IResult> CreatedAsync(HttpContext http, CommentService comments, long takeId, long commentId, CancellationToken ct)
    {
        http.Response.Headers.Location = CommentUrl(commentId);
        return ApiJson.Ok(await FindAsync(comments, takeId, commentId, ct), StatusCodes.Status201Created);
    }

    /// <summary>The comment's take; the service then checks the caller may see it.</summary>
    private static async Task<long> TakeOfAsync(IDbContextFactory<StudioDbContext> contexts, long commentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TakeComments.Where(c => c.Id == commentId).Select(c => (long?)c.TakeId).SingleOrDefaultAsync(ct)
            ?? throw StudioException.NotFound("Comment", commentId);
    }

    private static async Task<CommentResponse> FindAsync(CommentService comments, long takeId, long commentId, CancellationToken ct)
    {
        CommentThreadData thread;
        try
        {
            thread = await comments.ThreadAsync(takeId, ct);
        }
        catch (StudioException e) when (e.Kind == StudioErrorKind.NotFound)
        {
            throw StudioException.NotFound("Comment", commentId);
        }
        var all = CommentResponse.Threads(thread);
        return all.SingleOrDefault(c => c.Id == commentId) ?? all.SelectMany(c => c.Replies).SingleOrDefault(c => c.Id == commentId)
            ?? throw StudioException.NotFound("Comment", commentId);
    }
}

/// <summary>A new comment: plain text, at a moment (startSeconds), over a range (startSeconds to endSeconds), or neither.</summary>
public sealed record NewCommentRequest(string Body, double? StartSeconds = null, double? EndSeconds = null);

/// <summary>A reply: plain text, on the comment's moment.</summary>
public sealed record ReplyRequest(string Body);

/// <summary>A comment; <see cref="Replies"/> is empty for a reply.</summary>
public sealed record CommentResponse(
    long Id,
    long TakeId,
    long? ParentId,
    string AuthorId,
    string AuthorName,
    string Body,
    double? StartSeconds,
    double? EndSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Resolved,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    long? RemixTakeId,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<CommentResponse> Replies,
    string Url)
{
    public static IReadOnlyList<CommentResponse> Threads(CommentThreadData thread)
    {
        var replies = thread.Comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        return thread.Comments.Where(c => c.ParentId is null)
            .Select(c => From(thread.TakeId, c, replies[c.Id].Select(r => From(thread.TakeId, r, [])).ToList()))
            .ToList();
    }

    private static CommentResponse From(long takeId, CommentView c, IReadOnlyList<CommentResponse> replies) => new(
        c.Id, takeId, c.ParentId, c.AuthorId, c.AuthorName, c.Body, c.StartSeconds, c.EndSeconds, c.CreatedAt, c.EditedAt,
        c.IsResolved, c.ResolvedAt, c.ResolvedBy, c.RemixTakeId, c.Mentions, replies, CommentsApi.CommentUrl(c.Id));
}
