using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Faults;
using SoraStudio.Emulator.Jobs;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>The /videos routes (contract §4.1–4.6).</summary>
internal static class VideoEndpoints
{
    public static RouteGroupBuilder MapVideoRoutes(this RouteGroupBuilder group)
    {
        group.MapPost("/videos", CreateAsync).WithMetadata(new OperationMetadata(EmulatorOperation.Create));
        group.MapGet("/videos", List).WithMetadata(new OperationMetadata(EmulatorOperation.List));
        group.MapGet("/videos/{video_id}", Get).WithMetadata(new OperationMetadata(EmulatorOperation.Get));
        group.MapDelete("/videos/{video_id}", Delete).WithMetadata(new OperationMetadata(EmulatorOperation.Delete));
        group.MapMethods("/videos/{video_id}/content", [HttpMethods.Get, HttpMethods.Head], Content)
            .WithMetadata(new OperationMetadata(EmulatorOperation.Content));
        group.MapPost("/videos/{video_id}/remix", RemixAsync).WithMetadata(new OperationMetadata(EmulatorOperation.Remix));
        group.MapPost("/videos/edits", EditAsync).WithMetadata(new OperationMetadata(EmulatorOperation.Edit));
        group.MapPost("/videos/extensions", ExtendAsync).WithMetadata(new OperationMetadata(EmulatorOperation.Extend));
        group.MapPost("/videos/characters", CreateCharacterAsync).WithMetadata(new OperationMetadata(EmulatorOperation.CreateCharacter));
        group.MapGet("/videos/characters/{character_id}", GetCharacter).WithMetadata(new OperationMetadata(EmulatorOperation.GetCharacter));
        group.Map("/{**path}", (HttpRequest request) =>
            Task.FromException<IResult>(ApiErrors.RouteNotFound(request.Method, request.Path.Value ?? "")));
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes);
        var create = await CreateVideoRequestReader.ReadAsync(body, options.Value.LaterGuideLimits);
        return Results.Json(videos.Create(create), EmulatorJson.Api.VideoResource);
    }

    private static async Task<IResult> RemixAsync(HttpRequest request, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var id = VideoId(request);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes);
        var prompt = CreateVideoRequestReader.ReadRemixPrompt(body);
        return Results.Json(videos.Remix(id, prompt), EmulatorJson.Api.VideoResource);
    }

    private static async Task<IResult> EditAsync(HttpRequest request, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes);
        return Results.Json(videos.Edit(VideoSourceRequestReader.ReadEdit(body)), EmulatorJson.Api.VideoResource);
    }

    private static async Task<IResult> ExtendAsync(HttpRequest request, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes);
        return Results.Json(videos.Extend(VideoSourceRequestReader.ReadExtension(body)), EmulatorJson.Api.VideoResource);
    }

    private static async Task<IResult> CreateCharacterAsync(HttpRequest request, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes);
        var character = await CharacterRequestReader.ReadAsync(body);
        return Results.Json(videos.CreateCharacter(character), EmulatorJson.Api.VideoCharacterResource);
    }

    private static IResult GetCharacter(HttpRequest request, [FromServices] VideoService videos) =>
        Results.Json(videos.GetCharacter((string)request.RouteValues["character_id"]!), EmulatorJson.Api.VideoCharacterResource);

    private static IResult Get(HttpRequest request, HttpResponse response, [FromServices] VideoService videos, [FromServices] IOptions<EmulatorOptions> options)
    {
        var video = videos.Get(VideoId(request));
        response.Headers["openai-poll-after-ms"] = options.Value.PollAfterMs.ToString(CultureInfo.InvariantCulture);
        return Results.Json(video, EmulatorJson.Api.VideoResource);
    }

    private static IResult List(HttpRequest request, [FromServices] VideoService videos)
    {
        var limit = 20;
        if (request.Query.TryGetValue("limit", out var limitText))
        {
            var text = limitText.ToString();
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                throw ApiErrors.InvalidType("limit", "an integer", "a string");
            }
            limit = parsed switch
            {
                < 0 => throw ApiErrors.IntegerBelowMin("limit", 0, text),
                > 100 => throw ApiErrors.IntegerAboveMax("limit", 100, text),
                _ => (int)parsed,
            };
        }
        var order = request.Query.TryGetValue("order", out var orderText) ? orderText.ToString() : "desc";
        if (!VideoService.Orders.Contains(order))
        {
            throw ApiErrors.InvalidValue("order", order, VideoService.Orders);
        }
        var after = request.Query.TryGetValue("after", out var afterText) && afterText.ToString().Length > 0 ? afterText.ToString() : null;
        return Results.Json(videos.List(limit, order, after), EmulatorJson.Api.VideoListResource);
    }

    private static IResult Delete(HttpRequest request, [FromServices] VideoService videos) =>
        Results.Json(videos.Delete(VideoId(request)), EmulatorJson.Api.DeletedVideoResource);

    private static IResult Content(HttpRequest request, [FromServices] VideoService videos, [FromServices] FaultInjector faults)
    {
        var variant = request.Query.TryGetValue("variant", out var variantText) ? variantText.ToString() : "video";
        if (!VideoService.Variants.Contains(variant))
        {
            throw ApiErrors.InvalidValue("variant", variant, VideoService.Variants);
        }
        var (path, contentType) = videos.Content(VideoId(request), variant);
        if (HttpMethods.IsGet(request.Method) && faults.ShouldDropDownload())
        {
            return new DroppedDownloadResult(path, contentType);
        }
        return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: true);
    }

    private static string VideoId(HttpRequest request) => (string)request.RouteValues["video_id"]!;
}
