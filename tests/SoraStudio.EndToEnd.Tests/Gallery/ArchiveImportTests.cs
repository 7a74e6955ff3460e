using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>Importing an archive through the page: it says what it is doing, and the copy is told apart from its original.</summary>
public class ArchiveImportTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    // Every text the progress line shows, in order, kept across the navigation to the new project (Blazor navigates in the page).
    private const string RecordProgress = """
        () => {
            window.importSteps = [];
            new MutationObserver(() => {
                const text = document.querySelector('.import-progress__text')?.textContent;
                if (text && window.importSteps.at(-1) !== text) window.importSteps.push(text);
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [Fact]
    public async Task AnArchiveShowsItsProgressAndIsNamedImportedBesideItsOriginal()
    {
        var (projectId, name, _) = await SampleProject.CreateAsync(Server, "Noir", shots: 3);
        var zip = await SampleProject.ArchiveAsync(Server, projectId);
        await SignInAsync();
        await OpenAsync("/import");
        await Page.EvaluateAsync(RecordProgress);

        await Page.GetByLabel("Project archive (.zip)").SetInputFilesAsync(new FilePayload { Name = "noir.sora.zip", MimeType = "application/zip", Buffer = zip });

        await Page.WaitForURLAsync(new Regex(@"/projects/\d+/timeline$"), new() { Timeout = 60_000 });
        await Assertions.Expect(Page.Locator(".gallery-breadcrumb")).ToContainTextAsync($"{name} (imported)");
        var steps = await Page.EvaluateAsync<string[]>("() => window.importSteps");
        Assert.Contains(steps, s => s.StartsWith("Uploading the archive", StringComparison.Ordinal));
        // After the upload the page shows the import's own steps; which of them reach the screen depends on how fast the
        // clips are stored (renders are batched), so every step in order is ProjectArchiveTests' to check, not this one's.
        Assert.Contains(steps, s => (s.StartsWith("Checking and storing clips: ", StringComparison.Ordinal) && s.EndsWith(" of 6", StringComparison.Ordinal))
            || s == "Saving the project");
    }
}
