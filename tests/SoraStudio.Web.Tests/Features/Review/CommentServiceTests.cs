using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Review;

public sealed class CommentServiceTests
{
    [Theory]
    [InlineData(-0.5, null, "startSeconds")]
    [InlineData(4.5, null, "startSeconds")]
    [InlineData(2.0, 1.0, "endSeconds")]
    [InlineData(2.0, 4.5, "endSeconds")]
    [InlineData(null, 2.0, "startSeconds")]
    public async Task TimesOutsideTheTakeAreRefused(double? start, double? end, string field)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<CommentService>().AddAsync(takeId, new CommentInput("Here", start, end)));

        Assert.Equal(StudioErrorKind.Invalid, refusal.Kind);
        Assert.True(refusal.Errors.ContainsKey(field), string.Join(", ", refusal.Errors.Keys));
    }

    [Fact]
    public async Task BodiesAreTrimmedPlainTextOfLimitedLength()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var comments = studio.Get<CommentService>();

        var tooLong = await Assert.ThrowsAsync<StudioException>(() => comments.AddAsync(takeId, new CommentInput(new string('a', CommentRules.MaxLength + 1))));
        var blank = await Assert.ThrowsAsync<StudioException>(() => comments.AddAsync(takeId, new CommentInput(" \n ")));
        var control = await Assert.ThrowsAsync<StudioException>(() => comments.AddAsync(takeId, new CommentInput("bell \a")));
        await comments.AddAsync(takeId, new CommentInput("  <i>kept as text</i>  ", 1));

        Assert.All([tooLong, blank, control], e => Assert.Equal(StudioErrorKind.Invalid, e.Kind));
        Assert.Equal("<i>kept as text</i>", Assert.Single((await comments.ThreadAsync(takeId)).Comments).Body);
    }

    [Fact]
    public async Task RepliesMentionsAndOwnership()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var rita = await studio.CreateUserAsync("Rita Moreno");
        await studio.AddMemberAsync(projectId, rita, ProjectRole.Reviewer);
        var outsider = await studio.CreateUserAsync("Otto");
        var mine = await studio.Get<CommentService>().AddAsync(takeId, new CommentInput("@rita moreno can you check 0:02? cc @Otto", 2));

        await using var asRita = studio.ScopeFor(rita);
        var reply = await asRita.Get<CommentService>().AddAsync(takeId, new CommentInput("On it", 3.5, ParentId: mine));
        var replyToReply = await Assert.ThrowsAsync<StudioException>(() => asRita.Get<CommentService>().AddAsync(takeId, new CommentInput("Nested", ParentId: reply)));
        var editOthers = await Assert.ThrowsAsync<StudioException>(() => asRita.Get<CommentService>().EditAsync(mine, "Changed"));
        var deleteOthers = await Assert.ThrowsAsync<StudioException>(() => asRita.Get<CommentService>().DeleteAsync(mine));
        await asRita.Get<CommentService>().EditAsync(reply, "On it now");

        var thread = await studio.Get<CommentService>().ThreadAsync(takeId);
        var top = thread.Comments.Single(c => c.Id == mine);
        var answer = thread.Comments.Single(c => c.Id == reply);
        Assert.Equal(["Rita Moreno"], top.Mentions);
        Assert.Equal(mine, answer.ParentId);
        Assert.Null(answer.StartSeconds);
        Assert.Equal("On it now", answer.Body);
        Assert.NotNull(answer.EditedAt);
        Assert.Equal(StudioErrorKind.Invalid, replyToReply.Kind);
        Assert.Equal(StudioErrorKind.Forbidden, editOthers.Kind);
        Assert.Equal(StudioErrorKind.Forbidden, deleteOthers.Kind);

        await studio.Get<CommentService>().DeleteAsync(mine);
        Assert.Empty((await studio.Get<CommentService>().ThreadAsync(takeId)).Comments);
        _ = outsider;
    }

    [Theory]
    [InlineData("@Ana Ruiz, make it night", "make it night")]
    [InlineData("Make it night @Ana Ruiz", "Make it night")]
    [InlineData("Make it night, @Ana Ruiz and @Ana: one change", "Make it night, and: one change")]
    [InlineData("mail ana@Ana Ruiz.com", "mail ana@Ana Ruiz.com")]
    public void ANoteWithoutItsMentionsKeepsEveryOtherWord(string body, string instruction)
    {
        Assert.Equal(instruction, CommentRules.WithoutMentions(body, [("u1", "Ana Ruiz"), ("u2", "Ana")]));
    }

    [Fact]
    public async Task ANoteTurnedIntoTheNextTakeSendsTheProviderNoMention()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var rita = await studio.CreateUserAsync("Rita Moreno");
        await studio.AddMemberAsync(projectId, rita, ProjectRole.Editor);
        var comments = studio.Get<CommentService>();
        var note = await comments.AddAsync(takeId, new CommentInput("@Rita Moreno same shot, switch to an 85mm lens.", 1));

        var child = await comments.ChangeAsync(note, "@Rita Moreno same shot, switch to an 85mm lens.");

        await using var db = await studio.DbAsync();
        var take = await db.Takes.FindAsync(child);
        Assert.Equal(("same shot, switch to an 85mm lens.", "same shot, switch to an 85mm lens."), (take!.Prompt, take.RemixInstruction));
    }

    [Theory]
    [InlineData("@Ana Ruiz, look", "@Ana Ruiz")]
    [InlineData("mail ana@Ana Ruiz.com", null)]
    [InlineData("@Ana Ruizz", null)]
    [InlineData("@ana ruiz!", "@ana ruiz")]
    public void MentionsMatchWholeMemberNames(string body, string? mention)
    {
        var segments = CommentRules.Split(body, [("u1", "Ana Ruiz"), ("u2", "Ana")]);

        var found = segments.Where(s => s.MentionedUserId == "u1").Select(s => s.Text).SingleOrDefault();
        Assert.Equal(mention, found);
        Assert.Equal(body, string.Concat(segments.Select(s => s.Text)));
    }
}

public sealed class MentionQueueTests
{
    [Fact]
    public async Task OpenCommentsThatMentionSomeoneAreListedForThem()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(studio);
        var takeId = await ReviewServiceTests.ReadyTakeAsync(studio, projectId, shotId);
        var rita = await studio.CreateUserAsync("Rita");
        await studio.AddMemberAsync(projectId, rita, ProjectRole.Reviewer);
        var comments = studio.Get<CommentService>();
        var asked = await comments.AddAsync(takeId, new CommentInput("@Rita is the grade too warm?", 1.5));
        var done = await comments.AddAsync(takeId, new CommentInput("@Rita never mind this one"));
        await comments.AddAsync(takeId, new CommentInput("Nobody mentioned"));
        await comments.ResolveAsync(done, resolved: true);

        await using var asRita = studio.ScopeFor(rita);
        var mentions = await asRita.Get<ReviewService>().MentionsAsync();

        var only = Assert.Single(mentions);
        Assert.Equal((asked, "Tester", 1.5), (only.CommentId, only.AuthorName, only.StartSeconds));
        Assert.Empty(await studio.Get<ReviewService>().MentionsAsync());
    }
}
