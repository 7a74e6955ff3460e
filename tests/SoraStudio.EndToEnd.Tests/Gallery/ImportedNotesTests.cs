using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests.Gallery;

/// <summary>An archive from another studio: its notes keep their authors' names and emails on the take's page.</summary>
public class ImportedNotesTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task NotesByPeopleWithoutAnAccountHereShowTheirNameAndEmail()
    {
        long takeId;
        await using (var scope = await Server.ScopeAsAsync())
        {
            var services = scope.ServiceProvider;
            var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Quay {Guid.NewGuid():N}"[..13]));
            var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Quay", ShotSpec.Empty with
            {
                Model = "sora-2", Size = "1280x720", Seconds = 4, Scene = "Rain on the quay at night, lamps reflected in the puddles.",
            });
            var take = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId, requestedBy: "e2e")).Single();
            await GalleryFlowTests.WaitReadyAsync(Server, take);
            var comments = services.GetRequiredService<CommentService>();
            var thread = await comments.AddAsync(take, new CommentInput("Lift the shadows under the lamps", 1.5, 2.5));
            await comments.AddAsync(take, new CommentInput("Agreed, and warmer", ParentId: thread));
            await services.GetRequiredService<ReviewService>().RequestChangesAsync(take, "Shadows too crushed");

            // As if it came from another studio: the notes' author is someone with no account here.
            var archive = services.GetRequiredService<ProjectArchive>();
            using var zip = new MemoryStream();
            await archive.ExportAsync(projectId, zip);
            var stranger = new JsonObject { ["name"] = "Maya Colorist", ["email"] = "maya@elsewhere.test" };
            var imported = await archive.ImportAsync(ArchiveRewrite.EditManifest(zip, manifest =>
            {
                var first = manifest["takes"]![0]!;
                first["comments"]![0]!["author"] = stranger.DeepClone();
                first["review"]!["reviewedBy"] = stranger.DeepClone();
            }));
            takeId = (await services.GetRequiredService<TakeQueries>().TakesOfShotAsync(
                (await services.GetRequiredService<ShotService>().ListAsync(imported)).Single().Id)).Single().TakeId;
        }
        await SignInAsync();

        await OpenAsync($"/takes/{takeId}");

        var note = Page.GetByRole(AriaRole.Article, new() { Name = "Comment by Maya Colorist" });
        await Assertions.Expect(note).ToContainTextAsync("maya@elsewhere.test · imported");
        // Exact: the note's own Edit, not "Turn into edit" (the take's provider has edits).
        await Assertions.Expect(note.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Article, new() { Name = $"Comment by {StudioTestHost.OwnerName}" })).ToContainTextAsync("Agreed, and warmer");
        await Assertions.Expect(Page.GetByText("by Maya Colorist (maya@elsewhere.test, imported)", new() { Exact = false })).ToBeVisibleAsync();
        await note.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(Page, "imported-notes-1280");
    }
}
