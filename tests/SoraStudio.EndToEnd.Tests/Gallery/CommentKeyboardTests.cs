using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>The comment thread from the keyboard, in the browser where focus is real.</summary>
public class CommentKeyboardTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task PressingCOnTheBarPutsTheKeyboardInTheCommentBoxAtThePlayersTime()
    {
        var (_, _, takes) = await SampleProject.CreateAsync(Server, "Keys", shots: 1);
        await SignInAsync();
        await OpenAsync($"/takes/{takes[0]}");
        var bar = Page.GetByRole(AriaRole.Slider, new() { Name = "Video position" });
        await bar.FocusAsync();
        await bar.PressAsync("ArrowRight");
        await bar.PressAsync("ArrowRight");

        await bar.PressAsync("c");

        var box = Page.GetByLabel("Comment", new() { Exact = true });
        await Assertions.Expect(box).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("The lamp flickers here");
        await Assertions.Expect(box).ToHaveValueAsync("The lamp flickers here");
        await Assertions.Expect(Page.GetByText("At 0:02")).ToBeVisibleAsync();
    }
}
