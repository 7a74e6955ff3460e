using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>The timeline in a laptop's window: the sequence player is whole on screen without scrolling.</summary>
public class TimelineLayoutTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task TheSequencePlayerIsWhollyInViewAt1280By800WithoutScrolling()
    {
        var (projectId, _, _) = await SampleProject.CreateAsync(Server, "Monitor", shots: 3);
        await Page.SetViewportSizeAsync(1280, 800);
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/timeline");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Play the sequence" }).ClickAsync();
        await Page.WaitForFunctionAsync("() => { const v = document.querySelector('.timeline-player video'); return v && v.currentTime > 0.2; }", null, new() { Timeout = 15_000 });

        var box = await Page.GetByLabel("Sequence player video").BoundingBoxAsync();
        Assert.NotNull(box);
        var scrolled = await Page.EvaluateAsync<double>("() => window.scrollY + Array.from(document.querySelectorAll('.rz-body, main')).reduce((sum, e) => sum + e.scrollTop, 0)");
        Assert.Equal(0, scrolled);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 800, $"The player spans y {box.Y:0} to {box.Y + box.Height:0} in an 800 px high window.");
        Assert.True(box.X >= 0 && box.X + box.Width <= 1280, $"The player spans x {box.X:0} to {box.X + box.Width:0} in a 1280 px wide window.");
        Assert.True(box.Height >= 320, $"The player is only {box.Height:0} px high.");
        await ScreenshotAsync(Page, "timeline-1280x800");
    }
}
