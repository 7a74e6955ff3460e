using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

public class ComposerPlaygroundTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task TypingInALabelledFieldUpdatesThePromptPreviewOverTheCircuit()
    {
        await SignInAsync();
        await OpenAsync("/compose/playground");

        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("16mm black-and-white documentary");
        await Page.GetByLabel("Scene description", new() { Exact = true }).PressSequentiallyAsync("Rain on a tin roof.");

        var preview = Page.GetByLabel("Prompt text");
        await Assertions.Expect(preview).ToContainTextAsync("Style: 16mm black-and-white documentary");
        await Assertions.Expect(preview).ToContainTextAsync("Rain on a tin roof.");
    }
}
