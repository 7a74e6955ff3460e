using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.Web.Features.Api;

/// <summary>The cast (provider characters from a take's range or an uploaded clip) and continuing a take in the next shot.</summary>
internal static class CastApi
{
    public static void MapCastApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/cast", async (long projectId, CastService cast, CancellationToken ct) =>
                ApiJson.Ok(await cast.ListAsync(projectId, ct)))
            .WithName("ListCast").WithSummary("The project's cast, by name; usableHere says whether a shot naming one sends its character with the current provider.")
            .Produces<IReadOnlyList<CastMemberInfo>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/projects/{projectId:long}/cast", async (long projectId, HttpContext http, CastService cast, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                    return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                        $"Send the clip as multipart/form-data with the fields name and video (not “{http.Request.ContentType ?? "none"}”).");
                var form = await http.Request.ReadFormAsync(ct);
                var errors = new Dictionary<string, string[]>();
                if (form.Keys.FirstOrDefault(k => k is not "name") is { } unknown)
                    errors[unknown] = [$"“{unknown}” is not a field of this request; send name and video."];
                if (form.Files.FirstOrDefault(f => f.Name is not "video") is { } stray)
                    errors[stray.Name] = [$"“{stray.Name}” is not a file of this request; send the clip as video."];
                var video = form.Files.GetFile("video");
                if (video is null)
                    errors["video"] = ["Send the character's clip (an MP4 of 2 to 4 seconds) as the file field video."];
                if (errors.Count > 0 || video is null)
                    return ApiProblems.Invalid(errors, "The request is not valid.");
                await using var content = video.OpenReadStream();
                var member = await cast.CreateFromUploadAsync(projectId, form["name"].ToString(), video.FileName, content, ct);
                return Created(http, member);
            })
            .WithName("CreateCastMemberFromClip").WithSummary("Makes a character (POST /videos/characters) of an uploaded 2–4 s clip, named as prompts will name it. The provider's refusals come back as 400s naming the field.")
            .Accepts<CastClipUpload>("multipart/form-data").Produces<CastMemberInfo>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/takes/{takeId:long}/cast", async (long takeId, HttpContext http, CastService cast, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<CastFromTakeRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                return Created(http, await cast.CreateFromTakeAsync(takeId, input!.Name, input.From, input.To, ct));
            })
            .WithName("CreateCastMemberFromTake").WithSummary("Makes a character of 2–4 s of a ready take (from and to in seconds, within its clip), cut with ffmpeg and uploaded.")
            .Accepts<CastFromTakeRequest>("application/json").Produces<CastMemberInfo>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/cast/{memberId:long}", async (long memberId, CastService cast, CancellationToken ct) => ApiJson.Ok(await cast.GetAsync(memberId, ct)))
            .WithName("GetCastMember").WithSummary("One member of a cast: its state, provider and character id.")
            .Produces<CastMemberInfo>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cast/{memberId:long}/link", async (long memberId, HttpContext http, CastService cast, CancellationToken ct) =>
            {
                var (input, problem) = await ApiJson.ReadAsync<LinkCharacterRequest>(http.Request, http.MaxBody(), ct);
                if (problem is not null)
                    return problem;
                return ApiJson.Ok(await cast.LinkAsync(memberId, input!.CharacterId, ct));
            })
            .WithName("LinkCastMember").WithSummary("Settles a member whose creation's outcome is unknown with the character id found at the provider (checked there by name).")
            .Accepts<LinkCharacterRequest>("application/json").Produces<CastMemberInfo>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/cast/{memberId:long}/make-again", async (long memberId, CastService cast, CancellationToken ct) =>
                ApiJson.Ok(await cast.MakeAgainAsync(memberId, ct)))
            .WithName("MakeCastMemberAgain").WithSummary("Makes the character again from its stored clip, knowingly: for one needing attention (the first may exist and be paid for) or one made with another provider.")
            .Produces<CastMemberInfo>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/cast/{memberId:long}", async (long memberId, CastService cast, CancellationToken ct) =>
            {
                await cast.DeleteAsync(memberId, ct);
                return Results.NoContent();
            })
            .WithName("DeleteCastMember").WithSummary("Removes a member from the cast (the provider keeps the character).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/takes/{takeId:long}/continue", async (long takeId, ContinueService continuation, CancellationToken ct) =>
            {
                var shot = await continuation.ContinueAsync(takeId, ct);
                return ApiJson.Ok(shot, StatusCodes.Status201Created);
            })
            .WithName("ContinueTakeInNextShot").WithSummary("The take's last frame (ffmpeg) as the reference image of the next shot, at the take's size: fills the next shot when it is empty, else inserts one after the take's shot.")
            .Produces<ContinuedShot>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult Created(HttpContext http, CastMemberInfo member)
    {
        http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/cast/{member.Id}";
        return ApiJson.Ok(member, StatusCodes.Status201Created);
    }
}

/// <summary>The fields of a character upload (multipart/form-data).</summary>
public sealed record CastClipUpload(string Name, IFormFile Video);

/// <summary>A character from a take: its name, and the range of the take's clip in seconds (2–4 s long).</summary>
public sealed record CastFromTakeRequest(string Name, double From, double To);

/// <summary>The provider's id of a character whose creation's outcome was unknown.</summary>
public sealed record LinkCharacterRequest(string CharacterId);
