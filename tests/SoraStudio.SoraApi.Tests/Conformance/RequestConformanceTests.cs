using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests.Conformance;

/// <summary>The client's create and remix requests, checked against the field names and encodings of OpenAI's spec.</summary>
public sealed class RequestConformanceTests
{
    [Fact]
    public async Task CreateIsMultipartWithTheSchemasFieldNamesAndEnumValues()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("A paper boat on a rain gutter")
        {
            Model = VideoModel.Sora2Pro,
            Size = "1024x1792",
            Seconds = "8",
            InputReference = new ReferenceImageUpload(new MemoryStream([1, 2, 3]), "boat.jpg", "image/jpeg"),
        });

        var sent = Assert.Single(handler.Requests);
        var mediaType = MediaTypeHeaderValue.Parse(sent.ContentType).MediaType.Value!;
        Assert.Contains(mediaType, OpenApiSpec.RequestMediaTypes("/videos", "post"));
        var schema = OpenApiSpec.SchemaRef("/videos", "post", mediaType);
        Assert.Equal("CreateVideoMultipartBody", schema);

        var fields = await FieldsAsync(sent);
        Assert.Subset(OpenApiSpec.PropertyNames(schema).ToHashSet(), fields.Keys.ToHashSet());
        Assert.Superset(OpenApiSpec.Required(schema).ToHashSet(), fields.Keys.ToHashSet());
        Assert.Equal(OpenApiSpec.PropertyNames(schema).Order(), fields.Keys.Order());
        Assert.Contains(fields["size"].Text, OpenApiSpec.Enum("VideoSize"));
        Assert.Contains(fields["seconds"].Text, OpenApiSpec.Enum("VideoSeconds"));
        Assert.Contains(fields["model"].Text, OpenApiSpec.Enum("VideoModel"));
        Assert.True(fields["input_reference"].IsFile, "input_reference is sent as the binary (file) form of its oneOf");
        Assert.All(fields.Where(f => f.Key != "input_reference"), f => Assert.False(f.Value.IsFile));
    }

    [Theory]
    [InlineData("image_url")]
    [InlineData("file_id")]
    public async Task CreateByReferenceIsJsonWithTheSchemasFieldNamesAndOneReference(string by)
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("A paper boat on a rain gutter")
        {
            Model = VideoModel.Sora2,
            Size = "1280x720",
            Seconds = "4",
            ImageInputReference = by == "file_id" ? ImageInputReference.FromFileId("file-123") : ImageInputReference.FromUrl("https://example.test/boat.png"),
        });

        var sent = Assert.Single(handler.Requests);
        var mediaType = MediaTypeHeaderValue.Parse(sent.ContentType).MediaType.Value!;
        Assert.Contains(mediaType, OpenApiSpec.RequestMediaTypes("/videos", "post"));
        var schema = OpenApiSpec.SchemaRef("/videos", "post", mediaType);
        Assert.Equal("CreateVideoJsonBody", schema);

        using var body = JsonDocument.Parse(sent.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(OpenApiSpec.PropertyNames(schema), names);
        Assert.Contains(body.RootElement.GetProperty("size").GetString()!, OpenApiSpec.Enum("VideoSize"));
        Assert.Contains(body.RootElement.GetProperty("seconds").GetString()!, OpenApiSpec.Enum("VideoSeconds"));
        Assert.Contains(body.RootElement.GetProperty("model").GetString()!, OpenApiSpec.Enum("VideoModel"));
        var reference = body.RootElement.GetProperty("input_reference").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal([by], reference);
        Assert.Contains(by, OpenApiSpec.PropertyNames("ImageRefParam-2"));
    }

    [Fact]
    public async Task RemixIsJsonWithTheSchemasFieldNames()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video("video_2", remixedFrom: "video_1"));

        await TestClient.Create(handler).RemixVideoAsync("video_1", "Same scene in winter");

        var sent = Assert.Single(handler.Requests);
        var mediaType = MediaTypeHeaderValue.Parse(sent.ContentType).MediaType.Value!;
        Assert.Equal("application/json", mediaType);
        Assert.Contains(mediaType, OpenApiSpec.RequestMediaTypes("/videos/{video_id}/remix", "post"));
        var schema = OpenApiSpec.SchemaRef("/videos/{video_id}/remix", "post", mediaType);

        using var body = JsonDocument.Parse(sent.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(OpenApiSpec.PropertyNames(schema), names);
        Assert.Superset(OpenApiSpec.Required(schema).ToHashSet(), names);
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("prompt").ValueKind);
    }

    [Fact]
    public void TheVideoObjectHasExactlyTheSchemasFields()
    {
        var client = typeof(VideoJob).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(OpenApiSpec.PropertyNames("VideoResource"), client);
        Assert.Equal(OpenApiSpec.Required("VideoResource"), client);
    }

    private static async Task<Dictionary<string, Field>> FieldsAsync(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var fields = new Dictionary<string, Field>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            fields.Add(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                new Field(await new StreamReader(section.Body).ReadToEndAsync(), disposition.IsFileDisposition()));
        }
        return fields;
    }

    private sealed record Field(string Text, bool IsFile);
}
