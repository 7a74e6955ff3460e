// VideoClient is experimental in the official SDK (OPENAI001); this file exists to exercise it.
#pragma warning disable OPENAI001

using System.ClientModel;
using System.Text.Json;
using OpenAI;
using OpenAI.Videos;
using SoraStudio.Emulator.Tests.Support;

namespace SoraStudio.Emulator.Tests.Conformance;

/// <summary>The official OpenAI .NET SDK (2.15.0) runs its whole video flow against the emulator.</summary>
public sealed class OpenAiSdkTests
{
    [Fact]
    public async Task TheOfficialSdkCreatesPollsDownloadsRemixesListsAndDeletes()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorApi.Fast);
        var client = new VideoClient(new ApiKeyCredential("sk-sdk"), new VideoClientOptions { Endpoint = new Uri(server.BaseUrl) });

        // Create: the SDK's own example builds the multipart body by hand.
        using var form = new MultipartFormDataContent
        {
            { new StringContent("A hot-air balloon drifting over a canyon"), "prompt" },
            { new StringContent("1280x720"), "size" },
            { new StringContent("4"), "seconds" },
        };
        using var formStream = new MemoryStream();
        await form.CopyToAsync(formStream);
        var created = await client.CreateVideoAsync(BinaryContent.Create(new BinaryData(formStream.ToArray())), form.Headers.ContentType!.ToString());
        var id = Parse(created).GetProperty("id").GetString()!;

        // Poll.
        JsonElement video;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            video = Parse(await client.GetVideoAsync(id));
        }
        while (video.GetProperty("status").GetString() is "queued" or "in_progress" && DateTime.UtcNow < deadline);
        Assert.Equal("completed", video.GetProperty("status").GetString());
        Assert.Equal("1280x720", video.GetProperty("size").GetString());

        // Download every variant.
        var mp4 = await client.DownloadVideoAsync(id, variant: null);
        var thumbnail = await client.DownloadVideoAsync(id, "thumbnail");
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(mp4.GetRawResponse().Content.ToArray(), 4, 4));
        Assert.Equal("image/webp", thumbnail.GetRawResponse().Headers.TryGetValue("Content-Type", out var type) ? type : null);

        // Remix with JSON.
        var remixed = await client.CreateVideoRemixAsync(id, BinaryContent.Create(BinaryData.FromString("""{"prompt":"the same balloon at night"}""")), "application/json");
        var remix = Parse(remixed);
        Assert.Equal(id, remix.GetProperty("remixed_from_video_id").GetString());

        // List (the SDK fetches only the first page).
        var pages = client.GetVideosAsync(limit: 10, order: "asc", after: null).GetRawPagesAsync();
        var listed = new List<string>();
        await foreach (var page in pages)
        {
            listed.AddRange(Parse(page).GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
        }
        Assert.Equal([id, remix.GetProperty("id").GetString()!], listed);

        // Delete, then the SDK surfaces the 404 as a ClientResultException.
        var deleted = Parse(await client.DeleteVideoAsync(id));
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => client.GetVideoAsync(id));
        Assert.Equal(404, missing.Status);

        Assert.Equal(1, server.RequestLog.Count(EmulatorOperation.Create));
        Assert.Equal(2, server.RequestLog.Count(EmulatorOperation.Content, id));
    }

    [Fact]
    public async Task TheSdkRetriesAnInjectedServerErrorTransparently()
    {
        await using var server = await EmulatorServer.StartAsync(o =>
        {
            EmulatorApi.Fast(o);
            o.Faults.ServerErrorRate = 0.5;
            o.Faults.Seed = 7;
        });
        var client = new VideoClient(new ApiKeyCredential("sk-sdk"), new VideoClientOptions { Endpoint = new Uri(server.BaseUrl) });

        for (var i = 0; i < 5; i++)
        {
            var result = await client.GetVideosAsync(limit: 1, order: null, after: null).GetRawPagesAsync().FirstAsync();
            Assert.Equal(200, result.GetRawResponse().Status);
        }

        Assert.Contains(server.RequestLog.Requests, r => r.StatusCode == 500);
    }

    private static JsonElement Parse(ClientResult result) =>
        JsonDocument.Parse(result.GetRawResponse().Content.ToString()).RootElement.Clone();
}
