using Radzen;
using SoraStudio.Web.Features.Review;

namespace SoraStudio.Web.Tests.Features.Review;

public sealed class CommentItemTests : BunitContext
{
    public CommentItemTests()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void AnImportedNoteShowsItsOriginalAuthorsNameAndEmailAndNobodyCanEditIt()
    {
        var note = new CommentView(1, null, "", "Ed Editor", "Slower pan", 1.5, null, DateTimeOffset.UtcNow, null, null, null, null, [], "ed.editor@studio.test");

        var cut = Render<CommentItem>(p => p.Add(c => c.Comment, note).Add(c => c.CanComment, true));

        Assert.Equal("Comment by Ed Editor", cut.Find("[role=article]").GetAttribute("aria-label"));
        Assert.Equal("ed.editor@studio.test · imported", cut.Find(".comment-imported").TextContent.Trim());
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Edit" or "Delete");
    }

    [Fact]
    public void AMembersNoteHasNoImportedMark()
    {
        var note = new CommentView(2, null, "u1", "Rita Reviewer", "Warmer", null, null, DateTimeOffset.UtcNow, null, null, null, null, []);

        var cut = Render<CommentItem>(p => p.Add(c => c.Comment, note).Add(c => c.IsMine, true));

        Assert.Empty(cut.FindAll(".comment-imported"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Edit");
    }
}
