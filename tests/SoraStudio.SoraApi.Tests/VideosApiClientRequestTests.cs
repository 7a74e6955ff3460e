using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

/// <summary>What goes on the wire for each endpoint, and how responses are read.</summary>
public sealed class VideosApiClientRequestTests
{
    [Fact]
    public async Task EveryRequestCarriesTheKeyOrganizationAndProject()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());
        var client = TestClient.Create(handler, configure: o => { o.Organization = "org_1"; o.Project = "proj_1"; });

        await client.GetVideoAsync("video_1");

        var sent = Assert.Single(handler.Requests);
        Assert.Equal($"Bearer {TestClient.ApiKey}", sent.Headers["Authorization"]);
        Assert.Equal("org_1", sent.Headers["OpenAI-Organization"]);
        Assert.Equal("proj_1", sent.Headers["OpenAI-Project"]);
        Assert.Equal("https://api.test/v1/videos/video_1", sent.Uri.ToString());
    }

    [Fact]
    public async Task CreateSendsMultipartTextPartsAndTheImageAsAFilePart()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("A red kite over hills")
        {
            Model = "sora-2-pro",
            Size = "1792x1024",
            Seconds = "12",
            InputReference = new ReferenceImageUpload(new MemoryStream(png), "kite.png", "image/png"),
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.test/v1/videos", sent.Uri.ToString());
        var parts = await ReadMultipartAsync(sent);
        Assert.Equal(["prompt", "model", "size", "seconds", "input_reference"], parts.Select(p => p.Name));
        Assert.Equal("A red kite over hills", parts[0].Text);
        Assert.Equal("12", parts[3].Text);
        Assert.All(parts.Take(4), p => Assert.Null(p.ContentType));
        Assert.Equal("image/png", parts[4].ContentType);
        Assert.Equal("kite.png", parts[4].FileName);
        Assert.Equal(png, parts[4].Bytes);
    }

    [Fact]
    public async Task CreateLeavesOutWhatWasNotSet()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("Just a prompt, café"));

        var parts = await ReadMultipartAsync(Assert.Single(handler.Requests));
        var prompt = Assert.Single(parts);
        Assert.Equal("prompt", prompt.Name);
        Assert.Equal("Just a prompt, café", prompt.Text);
    }

    [Fact]
    public async Task CreateReadsTheReferenceImageOnceAndLeavesTheStreamOpen()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());
        var image = new MemoryStream([1, 2, 3]);

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("p")
        {
            InputReference = new ReferenceImageUpload(image, "a.webp", "image/webp"),
        });

        Assert.True(image.CanRead);
        Assert.Equal(3, image.Position);
    }

    [Fact]
    public async Task EachCreateBodyHasAFreshBoundaryAndALength()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.OK, ApiJson.Video());
        var client = TestClient.Create(handler);

        await client.CreateVideoAsync(new CreateVideoRequest("one"));
        await client.CreateVideoAsync(new CreateVideoRequest("two"));

        var boundaries = handler.Requests.Select(r => MediaTypeHeaderValue.Parse(r.ContentType).Boundary.Value).ToList();
        Assert.Equal(2, boundaries.Distinct().Count());
        Assert.All(handler.Requests, r => Assert.Equal(r.Body.Length, r.ContentLength));
    }

    [Fact]
    public async Task APromptCannotForgeAFieldOfTheForm()
    {
        // Refit's [Multipart] would write this fixed boundary: a prompt holding it could add a field the studio never priced.
        const string forged = "A calm sea\r\n------MyGreatBoundary\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nsora-2-pro";
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest(forged) { Model = "sora-2" });

        var parts = await ReadMultipartAsync(Assert.Single(handler.Requests));
        Assert.Equal(["prompt", "model"], parts.Select(p => p.Name));
        Assert.Equal(forged, parts[0].Text);
        Assert.Equal("sora-2", parts[1].Text);
    }

    [Fact]
    public async Task CreateWithAnImageReferenceSendsJsonWithoutWhatWasNotSet()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("A kite, \"from the photo\"")
        {
            Seconds = "8",
            ImageInputReference = ImageInputReference.FromUrl("https://example.test/kite.png"),
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.test/v1/videos", sent.Uri.ToString());
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(sent.Body.Length, sent.ContentLength);
        Assert.Equal(
            """{"prompt":"A kite, \u0022from the photo\u0022","seconds":"8","input_reference":{"image_url":"https://example.test/kite.png"}}""",
            sent.BodyText);
    }

    [Fact]
    public async Task CreateTakesTheFirstFrameAsAnUploadOrAReferenceNotBoth()
    {
        var handler = new FakeHttpHandler();

        await Assert.ThrowsAsync<ArgumentException>(() => TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("p")
        {
            InputReference = new ReferenceImageUpload(new MemoryStream([1]), "a.png", "image/png"),
            ImageInputReference = ImageInputReference.FromFileId("file-123"),
        }));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task RemixSendsJsonWithThePrompt()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video("video_2", remixedFrom: "video_1"));

        var remix = await TestClient.Create(handler).RemixVideoAsync("video_1", "Same shot, \"at night\"");

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.test/v1/videos/video_1/remix", sent.Uri.ToString());
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"prompt":"Same shot, \u0022at night\u0022"}""", sent.BodyText);
        Assert.Equal("video_1", remix.RemixedFromVideoId);
    }

    [Fact]
    public async Task ListSendsOnlyTheGivenQueryParameters()
    {
        var handler = new FakeHttpHandler().Always(HttpStatusCode.OK, ApiJson.Page(["video_a"], hasMore: false));
        var client = TestClient.Create(handler);

        await client.ListVideosAsync();
        await client.ListVideosAsync(limit: 5, order: VideoOrder.Asc, after: "video_z");

        var sent = handler.Requests.ToArray();
        Assert.Equal("https://api.test/v1/videos", sent[0].Uri.ToString());
        Assert.Equal("https://api.test/v1/videos?limit=5&order=asc&after=video_z", sent[1].Uri.ToString());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListVideosAsync(limit: 101));
    }

    [Fact]
    public async Task ListAllWalksThePagesWithAfterUntilHasMoreIsFalse()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.OK, ApiJson.Page(["video_1", "video_2"], hasMore: true))
            .Then(HttpStatusCode.OK, ApiJson.Page(["video_3", "video_4"], hasMore: true))
            .Then(HttpStatusCode.OK, ApiJson.Page(["video_5"], hasMore: false));

        var ids = await TestClient.Create(handler).ListAllVideosAsync(VideoOrder.Desc).Select(v => v.Id).ToListAsync();

        Assert.Equal(["video_1", "video_2", "video_3", "video_4", "video_5"], ids);
        Assert.Equal(
            ["videos?limit=100&order=desc", "videos?limit=100&order=desc&after=video_2", "videos?limit=100&order=desc&after=video_4"],
            handler.Requests.Select(r => r.Uri.PathAndQuery["/v1/".Length..]));
    }

    [Fact]
    public async Task ListAllStopsWhenAPageRepeatsInsteadOfLoopingForever()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.OK, ApiJson.Page(["video_1"], hasMore: true))
            .Always(HttpStatusCode.OK, ApiJson.Page(["video_1"], hasMore: true));

        var e = await Assert.ThrowsAsync<VideosApiException>(async () => await TestClient.Create(handler).ListAllVideosAsync().ToListAsync());

        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task VideoObjectsKeepUnknownValuesAndIgnoreUnknownFields()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, """
            {"id":"video_9","object":"video","model":"sora-2-2025-12-08","status":"expired","progress":100,"created_at":1,
             "completed_at":2,"expires_at":3602,"size":"1920x1080","seconds":"20","quality":"standard","remixed_from_video_id":null,
             "error":{"code":"moderation_blocked","message":"Your request was blocked by our moderation system."}}
            """);

        var video = await TestClient.Create(handler).GetVideoAsync("video_9");

        Assert.Equal("expired", video.Status);
        Assert.False(video.HasKnownStatus);
        Assert.False(video.IsTerminal);
        Assert.Equal("sora-2-2025-12-08", video.Model);
        Assert.Equal(20, video.SecondsAsInt);
        Assert.Null(video.Prompt);
        Assert.True(video.IsModerationBlocked);
        Assert.Equal(3602, video.ExpiresAt);
    }

    [Fact]
    public async Task DeleteReturnsTheConfirmation()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, """{"id":"video_1","object":"video.deleted","deleted":true}""");

        var deleted = await TestClient.Create(handler).DeleteVideoAsync("video_1");

        Assert.Equal(new DeletedVideo("video_1", "video.deleted", true), deleted);
        Assert.Equal(HttpMethod.Delete, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task IdsAreEscapedAndEmptyIdsRejected()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());
        var client = TestClient.Create(handler);

        await client.GetVideoAsync("video_1/../x?y");

        Assert.Equal("/v1/videos/video_1%2F..%2Fx%3Fy", Assert.Single(handler.Requests).Uri.AbsolutePath + Assert.Single(handler.Requests).Uri.Query);
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetVideoAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateVideoAsync(new CreateVideoRequest("")));
    }

    private static async Task<List<Part>> ReadMultipartAsync(RecordedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.ContentType);
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, new MemoryStream(request.Body));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            Assert.Equal("form-data", disposition.DispositionType.Value);
            Assert.False(disposition.FileNameStar.HasValue, "the SDKs send no filename*");
            var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                section.ContentType,
                bytes.ToArray()));
        }
        return parts;
    }

    private sealed record Part(string Name, string? FileName, string? ContentType, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }
}
