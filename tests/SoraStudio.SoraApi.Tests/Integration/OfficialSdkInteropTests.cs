using System.ClientModel;
using System.Text.Json;
using OpenAI.Videos;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>What this client reads is what OpenAI's own .NET SDK receives for the same video.</summary>
public sealed class OfficialSdkInteropTests
{
#pragma warning disable OPENAI001 // VideoClient is experimental in the SDK.
    [Fact]
    public async Task TheOfficialSdkSeesTheSameVideoObject()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var ours = await h.CreateCompletedAsync();
        var sdk = new VideoClient(new ApiKeyCredential(EmulatorHarness.ApiKey), new VideoClientOptions { Endpoint = new Uri(h.Server.BaseUrl) });

        var result = await sdk.GetVideoAsync(ours.Id, options: null);

        using var json = JsonDocument.Parse(result.GetRawResponse().Content);
        var video = json.RootElement;
        Assert.Equal(ours.Id, video.GetProperty("id").GetString());
        Assert.Equal(ours.Status, video.GetProperty("status").GetString());
        Assert.Equal(ours.Model, video.GetProperty("model").GetString());
        Assert.Equal(ours.Size, video.GetProperty("size").GetString());
        Assert.Equal(ours.Seconds, video.GetProperty("seconds").GetString());
        Assert.Equal(ours.CreatedAt, video.GetProperty("created_at").GetInt64());
        Assert.Equal(ours.CompletedAt, video.GetProperty("completed_at").GetInt64());
        Assert.Equal(ours.ExpiresAt, video.GetProperty("expires_at").GetInt64());
        Assert.Equal(ours.Prompt, video.GetProperty("prompt").GetString());
    }
#pragma warning restore OPENAI001
}
