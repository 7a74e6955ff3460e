using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests.Conformance;

/// <summary>Edits, extensions, characters and cast creates, checked against the field names and encodings of OpenAI's spec.</summary>
public sealed class SourceRequestConformanceTests
{
    [Fact]
    public async Task AnEditByIdIsTheJsonBodyOfTheSpec()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video("video_2"));

        await TestClient.Create(handler).EditVideoAsync(new EditVideoRequest("Make it rain") { VideoId = "video_1" });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.test/v1/videos/edits", sent.Uri.ToString());
        using var body = JsonBody(sent, "/videos/edits", "CreateVideoEditJsonBody");
        Assert.Equal("video_1", body.RootElement.GetProperty("video").GetProperty("id").GetString());
        Assert.Equal(OpenApiSpec.PropertyNames("VideoReferenceInputParam"), body.RootElement.GetProperty("video").EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    [Fact]
    public async Task AnExtensionByIdIsTheJsonBodyOfTheSpecWithItsSeconds()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video("video_2"));

        await TestClient.Create(handler).ExtendVideoAsync(new ExtendVideoRequest("She turns and leaves", "8") { VideoId = "video_1" });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.test/v1/videos/extensions", sent.Uri.ToString());
        using var body = JsonBody(sent, "/videos/extensions", "CreateVideoExtendJsonBody");
        Assert.Equal("8", body.RootElement.GetProperty("seconds").GetString());
    }

    [Fact]
    public async Task AnUploadedSourceIsTheMultipartBodyOfTheSpec()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video("video_2"));

        await TestClient.Create(handler).ExtendVideoAsync(new ExtendVideoRequest("more", "4") { Video = new VideoUpload(new MemoryStream([1, 2, 3]), "take.mp4") });

        var sent = Assert.Single(handler.Requests);
        var fields = await FieldsAsync(sent, "/videos/extensions", "CreateVideoExtendMultipartBody");
        Assert.True(fields["video"].IsFile);
        Assert.Equal(("more", "4"), (fields["prompt"].Text, fields["seconds"].Text));
    }

    [Fact]
    public async Task ACharacterIsMultipartWithTheClipAsAFileAndTheName()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, """{"id":"char_1","name":"Mia","created_at":1}""");

        var character = await TestClient.Create(handler).CreateCharacterAsync(new CreateCharacterRequest("Mia", new VideoUpload(new MemoryStream([1, 2]), "mia.mp4")));

        Assert.Equal(new VideoCharacter { Id = "char_1", Name = "Mia", CreatedAt = 1 }, character);
        var fields = await FieldsAsync(Assert.Single(handler.Requests), "/videos/characters", "CreateVideoCharacterBody");
        Assert.True(fields["video"].IsFile);
        Assert.Equal("Mia", fields["name"].Text);
    }

    [Fact]
    public async Task ACastCreateIsJsonWithTheGuidesCharactersArray()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, ApiJson.Video());

        await TestClient.Create(handler).CreateVideoAsync(new CreateVideoRequest("Mia waves") { Characters = ["char_1", "char_2"] });

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("""[{"id":"char_1"},{"id":"char_2"}]""", body.RootElement.GetProperty("characters").GetRawText());
    }

    [Fact]
    public async Task ACharacterWithNullFieldsAndAnUnknownSizeOrLengthStillReads()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.OK, """{"id":null,"name":null,"created_at":5,"extra":true}""")
            .Then(HttpStatusCode.OK, ApiJson.Video().Replace("\"1280x720\"", "\"2560x1440\"", StringComparison.Ordinal));
        var client = TestClient.Create(handler);

        var character = await client.GetCharacterAsync("char_1");
        var video = await client.GetVideoAsync("video_1");

        Assert.Equal((null, null, 5L), (character.Id, character.Name, character.CreatedAt));
        Assert.False(KnownVideoSizes.IsKnown(video.Size));
    }

    [Fact]
    public void TheCharacterObjectHasExactlyTheSchemasFields()
    {
        var client = typeof(VideoCharacter).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(OpenApiSpec.PropertyNames("VideoCharacterResource"), client);
    }

    [Fact]
    public async Task ASourceMustBeNamedOrUploadedButNotBoth()
    {
        var client = TestClient.Create(new FakeHttpHandler());

        await Assert.ThrowsAsync<ArgumentException>(() => client.EditVideoAsync(new EditVideoRequest("p")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ExtendVideoAsync(
            new ExtendVideoRequest("p", "4") { VideoId = "video_1", Video = new VideoUpload(new MemoryStream(), "x.mp4") }));
    }

    private static JsonDocument JsonBody(RecordedRequest sent, string path, string expectedSchema)
    {
        var mediaType = MediaTypeHeaderValue.Parse(sent.ContentType).MediaType.Value!;
        Assert.Equal("application/json", mediaType);
        Assert.Contains(mediaType, OpenApiSpec.RequestMediaTypes(path, "post"));
        var schema = OpenApiSpec.SchemaRef(path, "post", mediaType);
        Assert.Equal(expectedSchema, schema);
        var body = JsonDocument.Parse(sent.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(OpenApiSpec.PropertyNames(schema), names);
        Assert.Superset(OpenApiSpec.Required(schema).ToHashSet(), names);
        return body;
    }

    private static async Task<Dictionary<string, (string Text, bool IsFile)>> FieldsAsync(RecordedRequest sent, string path, string expectedSchema)
    {
        var mediaType = MediaTypeHeaderValue.Parse(sent.ContentType);
        Assert.Equal("multipart/form-data", mediaType.MediaType.Value);
        Assert.Equal(expectedSchema, OpenApiSpec.SchemaRef(path, "post", "multipart/form-data"));
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, new MemoryStream(sent.Body));
        var fields = new Dictionary<string, (string, bool)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            fields.Add(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, (await new StreamReader(section.Body).ReadToEndAsync(), disposition.IsFileDisposition()));
        }
        Assert.Equal(OpenApiSpec.PropertyNames(expectedSchema), fields.Keys.ToHashSet());
        return fields;
    }
}
