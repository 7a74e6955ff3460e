using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Media;

public sealed class ClipEndpointTests
{
    [Fact]
    public async Task AReadyTakeIsServedWholeInRangesAndCachedByItsHash()
    {
        using var folder = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl);
        var (_, shotId) = await Seed.ShotInNewProjectAsync(studio);
        await studio.Get<GenerationService>().GenerateAsync(shotId);
        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(studio, 1));
        Assert.Equal(TakeStatus.Ready, take.Status);
        var video = take.Clips.Single(c => c.Variant == "video");
        using var http = await studio.ClientAsync();

        using var whole = await http.GetAsync(ClipEndpoint.Url(take.Id));
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal(video.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{video.Sha256}\"", whole.Headers.ETag!.Tag);
        Assert.True(whole.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromDays(365), whole.Headers.CacheControl.MaxAge);

        using var range = new HttpRequestMessage(HttpMethod.Get, ClipEndpoint.Url(take.Id)) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var partial = await http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, ClipEndpoint.Url(take.Id, "thumbnail")) { Headers = { { "If-None-Match", $"\"{take.Clips.Single(c => c.Variant == "thumbnail").Sha256}\"" } } };
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(revalidate)).StatusCode);
    }

    [Theory]
    [InlineData("/media/takes/999/video")]
    [InlineData("/media/takes/1/poster")]
    [InlineData("/media/takes/1/..%2F..%2Fstudio.db")]
    public async Task UnknownTakesAndVariantsAreNotFound(string path)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        using var http = await studio.ClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
    }
}
