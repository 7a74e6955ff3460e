using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Takes;

public class ShotTakesTests : PageTestContext
{
    [Fact]
    public async Task WithoutTakesItSaysHowToMakeOne()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);

        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));

        cut.WaitForAssertion(() => Assert.Contains("No takes yet", cut.Find(".empty-state").TextContent));
    }

    [Fact]
    public async Task AQueuedTakeAppearsAndFollowsItsProgressLive()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));
        cut.WaitForAssertion(() => cut.Find(".empty-state"));

        var ids = await Host.Get<GenerationService>().GenerateAsync(shotId, 2);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".take-card").Count));
        Assert.All(cut.FindAll("[data-take-status]"), card => Assert.Equal("Queued", card.GetAttribute("data-take-status")));

        Host.Get<TakeEvents>().Publish(new TakeChanged(ids[0], shotId, 0, TakeStatus.InProgress, 40, null, null, DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find($"[aria-label='Progress of take {ids[0]}']").GetAttribute("aria-valuenow")));
        Assert.Contains("Rendering", cut.Find($"[aria-label='Take {ids[0]}']").TextContent);
    }

    [Fact]
    public async Task CancelingAQueuedTakeShowsItCanceled()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var ids = await Host.Get<GenerationService>().GenerateAsync(shotId);
        var cut = Render<ShotTakes>(p => p.Add(c => c.ShotId, shotId));
        cut.WaitForAssertion(() => cut.Find(".take-card"));

        Button(cut, $"Cancel take {ids[0]}").Click();

        cut.WaitForAssertion(() => Assert.Equal("Canceled", cut.Find("[data-take-status]").GetAttribute("data-take-status")));
        Assert.NotEmpty(cut.FindAll($"[aria-label='Retry take {ids[0]}']"));
    }
}
