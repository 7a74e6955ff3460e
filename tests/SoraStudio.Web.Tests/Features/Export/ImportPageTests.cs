using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Export;

/// <summary>The import page: files chosen through labelled drop zones, no developer-only fields, and an archive's progress.</summary>
public sealed class ImportPageTests : PageTestContext
{
    [Fact]
    public void EachFileIsChosenThroughALabelledDropZoneAndThereIsNoSpecJsonField()
    {
        var page = Render<ImportPage>();

        var archive = page.FindByLabelText("Project archive (.zip)");
        var clips = page.FindByLabelText("MP4 files");
        foreach (var input in new[] { archive, clips })
        {
            Assert.Equal("file", input.GetAttribute("type"));
            Assert.Contains("file-picker__input", input.ClassList);
            Assert.NotNull(input.Closest(".file-picker__zone")!.QuerySelector(".file-picker__button"));
        }
        Assert.Equal(2, page.FindAll("input[type=file]").Count);
        Assert.Contains("No file chosen", page.Find("#archive-file-chosen").TextContent);
        Assert.DoesNotContain("Spec JSON", page.Markup);
        Assert.Empty(page.FindAll("[name=import-spec]"));
    }

    [Fact]
    public void TheProgressShowsTheStepsDoneTheCurrentOneAndItsCount()
    {
        var view = Render<ImportProgressView>(p => p.Add(v => v.Progress, new ArchiveImportProgress(ArchiveImportStep.Clips, 3, 12)));

        Assert.Equal("status", view.Find(".import-progress").GetAttribute("role"));
        Assert.Equal(["Upload", "Read"], view.FindAll(".import-progress__step.is-done").Select(s => s.TextContent));
        Assert.Equal("Clips", view.Find("[aria-current=step]").TextContent);
        Assert.Equal("Checking and storing clips: 3 of 12", view.Find(".import-progress__text").TextContent);
        Assert.Equal("25", view.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
    }

    [Theory]
    [InlineData(ArchiveImportStep.Uploading, 5L * 1024 * 1024, 20L * 1024 * 1024, "Uploading the archive: 5.0 MB of 20.0 MB")]
    [InlineData(ArchiveImportStep.Reading, 0L, 0L, "Reading the archive and checking its manifest")]
    [InlineData(ArchiveImportStep.Saving, 0L, 0L, "Saving the project")]
    public void EachStepSaysWhatIsHappening(ArchiveImportStep step, long done, long total, string text) =>
        Assert.Equal(text, new ArchiveImportProgress(step, done, total).Describe());
}
