using SoraStudio.Emulator;

namespace SoraStudio.SoraApi.Tests.Integration;

/// <summary>The later operations of the contract through the client against the emulator over real HTTP.</summary>
public sealed class EmulatorContractTests
{
    [Fact]
    public async Task ATakeIsEditedAndExtendedAndTheExtensionReportsTheStitchedTotal()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var source = await h.CreateCompletedAsync();

        var edit = await h.Client.EditVideoAsync(new EditVideoRequest("Make it rain") { VideoId = source.Id });
        var extension = await h.Client.ExtendVideoAsync(new ExtendVideoRequest("The kite climbs", "8") { VideoId = source.Id });

        Assert.Equal((source.Size, source.Seconds, "Make it rain"), (edit.Size, edit.Seconds, edit.Prompt));
        Assert.Equal(source.SecondsAsInt + 8, extension.SecondsAsInt);
        Assert.Equal(VideoStatus.Completed, (await h.WaitUntilDoneAsync(extension.Id)).Status);
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Edit));
        Assert.Equal(1, h.Server.RequestLog.Count(EmulatorOperation.Extend));
    }

    [Fact]
    public async Task ACharacterIsCreatedFetchedAndCastInACreate()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await using var clip = File.OpenRead(SampleClip("1280x720", 4));

        var mia = await h.Client.CreateCharacterAsync(new CreateCharacterRequest("Mia", new VideoUpload(clip, "mia.mp4")));
        var fetched = await h.Client.GetCharacterAsync(mia.Id!);
        var cast = await h.Client.CreateVideoAsync(new CreateVideoRequest("Mia flies a kite") { Characters = [mia.Id!] });

        Assert.Equal(mia, fetched);
        Assert.Equal(VideoStatus.Completed, (await h.WaitUntilDoneAsync(cast.Id)).Status);
    }

    [Fact]
    public async Task AnEightSecondCharacterClipIsAnInvalidRequestNamingTheVideo()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await using var clip = File.OpenRead(SampleClip("1280x720", 8));

        var e = await Assert.ThrowsAsync<VideosApiException>(() =>
            h.Client.CreateCharacterAsync(new CreateCharacterRequest("Mia", new VideoUpload(clip, "mia.mp4"))));

        Assert.Equal((ApiErrorKind.InvalidRequest, "video"), (e.Kind, e.Param));
    }

    private static string SampleClip(string size, int seconds)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "wwwroot-assets", "samples", $"sample-{size}-{seconds}s.mp4");
            if (File.Exists(file))
            {
                return file;
            }
        }
        throw new FileNotFoundException($"No wwwroot-assets/samples above {AppContext.BaseDirectory}.");
    }
}
