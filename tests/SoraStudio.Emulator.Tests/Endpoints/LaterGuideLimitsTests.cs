using static SoraStudio.Emulator.Tests.Support.EmulatorApi;

namespace SoraStudio.Emulator.Tests.Endpoints;

/// <summary>The later guide's 16/20 s clips and 1080p for sora-2-pro: on by default, off with LaterGuideLimits = false.</summary>
public sealed class LaterGuideLimitsTests
{
    [Theory]
    [InlineData("sora-2", "720x1280", "16")]
    [InlineData("sora-2-pro", "1920x1080", "20")]
    [InlineData("sora-2-pro", "1080x1920", "4")]
    public async Task TheLaterSizesAndLengthsAreAcceptedByDefault(string model, string size, string seconds)
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;

        var video = await api.CreateAsync(model: model, size: size, seconds: seconds);

        Assert.Equal((size, seconds), (Str(video, "size"), Str(video, "seconds")));
        Assert.Equal("completed", Str(await api.WaitAsync(Str(video, "id")!), "status"));
    }

    [Fact]
    public async Task TenEightyIsForProOnly()
    {
        var (server, api) = await StartAsync();
        await using var _ = server;
        using var __ = api;

        using var response = await api.PostJsonAsync("videos", """{"prompt":"p","size":"1920x1080"}""");

        Assert.Equal("Invalid value: '1920x1080'. Supported values for model 'sora-2' are: '720x1280' and '1280x720'.",
            Str(await ReadErrorAsync(response, 400), "message"));
    }

    [Fact]
    public async Task WithTheLimitsOffTwentySecondsIsAnInvalidValue()
    {
        var (server, api) = await StartAsync(o => o.LaterGuideLimits = false);
        await using var _ = server;
        using var __ = api;

        using var response = await api.PostJsonAsync("videos", """{"prompt":"p","seconds":"20"}""");

        Assert.Equal("Invalid value: '20'. Supported values are: '4', '8', and '12'.", Str(await ReadErrorAsync(response, 400), "message"));
    }
}
