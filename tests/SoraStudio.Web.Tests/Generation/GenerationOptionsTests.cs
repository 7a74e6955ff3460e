namespace SoraStudio.Web.Tests.Generation;

public sealed class GenerationOptionsTests
{
    [Fact]
    public async Task NonsensicalTimingsStopTheStudioFromStartingWithTheSettingNamed()
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => OfflineStudio.StartAsync(folder, o =>
        {
            o.Settings["Studio:Generation:PollInterval"] = "00:01:00";
            o.Settings["Studio:Generation:MaxPollInterval"] = "00:00:10";
        }));

        Assert.Contains("Studio:Generation:MaxPollInterval", error.Message);
    }
}
