using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.Features.Compose;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Review;

/// <summary>The thread against the real services of an offline studio, on a ready take written directly.</summary>
public sealed class CommentThreadTests : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;
    private long _projectId, _takeId;

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(_studio);
        _projectId = projectId;
        await using var db = await _studio.DbAsync();
        var take = new Take { ProjectId = projectId, ShotId = shotId, Status = TakeStatus.Ready, Seconds = 4, Model = "sora-2", Size = "1280x720", Prompt = "Stairs", RequestedBy = "Tester", CreatedAt = DateTimeOffset.UtcNow };
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        _takeId = take.Id;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _studio.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Renders the thread as <paramref name="who"/> (the project's owner by default).</summary>
    private IRenderedComponent<CommentThread> RenderThread(UserScope? who = null)
    {
        var scope = who;
        Services.AddScoped(_ => scope is null ? _studio.Get<CommentService>() : scope.Get<CommentService>());
        Services.AddSingleton(_studio.Get<EventStream<ReviewChanged>>());
        // A note becomes the next take through the take's own edit/remix dialog.
        Services.AddScoped(_ => scope is null ? _studio.Get<TakeQueries>() : scope.Get<TakeQueries>());
        Services.AddScoped(_ => scope is null ? _studio.Get<GenerationService>() : scope.Get<GenerationService>());
        Services.AddSingleton(_studio.Get<SoraStudio.Core.Validation.RemixInstructionValidator>());
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Render<CommentThread>(p => p.Add(t => t.TakeId, _takeId));
    }

    [Fact]
    public async Task ACommentIsPostedAtThePlayersTimeAndGetsAMarker()
    {
        var cut = RenderThread();
        await cut.InvokeAsync(() => cut.Instance.OnPlayerTime(2.04, 4));
        cut.WaitForAssertion(() => Assert.Contains("At 0:02", cut.Markup));

        cut.FindByLabelText("Comment").Input("Less flicker on the lantern");
        Button(cut, "Add comment").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".scrub-marker")));
        var stored = Assert.Single((await _studio.Get<CommentService>().ThreadAsync(_takeId)).Comments);
        Assert.Equal(2.0, stored.StartSeconds);
        Assert.Null(stored.EndSeconds);
        Assert.Contains("left:50%", cut.Find(".scrub-marker").GetAttribute("style"));
    }

    [Fact]
    public void MarkupInACommentIsShownAsTextAndMentionsAreHighlighted()
    {
        var cut = RenderThread();
        cut.FindByLabelText("Comment").Input("@Tester <script>alert(1)</script> <b>bold</b>");
        Button(cut, "Add comment").Click();

        var body = cut.WaitForElement(".comment-body");
        Assert.Empty(body.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert(1)</script> <b>bold</b>", body.TextContent);
        Assert.Equal("@Tester", body.QuerySelector(".comment-mention")!.TextContent);
        // Exactly this markup: the mention is the only element, the rest is escaped text.
        body.MarkupMatches("""<p class="comment-body"><span class="comment-mention">@Tester</span> &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;</p>""");
    }

    [Fact]
    public async Task SomeoneElsesCommentAppearsWithoutReloading()
    {
        var reviewer = await _studio.CreateUserAsync("Rita");
        await _studio.AddMemberAsync(_projectId, reviewer, ProjectRole.Reviewer);
        var cut = RenderThread();
        Assert.Contains("No comments yet", cut.Markup);

        await using (var other = _studio.ScopeFor(reviewer))
            await other.Get<CommentService>().AddAsync(_takeId, new CommentInput("From the other browser", 1, 3));

        cut.WaitForAssertion(() => Assert.Contains("From the other browser", cut.Markup), TimeSpan.FromSeconds(1));
        Assert.Contains("is-range", cut.Find(".scrub-marker").ClassList);
        Assert.Contains("0:01–0:03", cut.Markup);
    }

    [Fact]
    public async Task ClickingABeatStartsACommentOnItsSpanWithTheBoxFocused()
    {
        await using (var db = await _studio.DbAsync())
            await db.Takes.Where(t => t.Id == _takeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Spec, ShotSpec.Empty with
            {
                Seconds = 4,
                Actions = [new Beat("Types for two seconds"), new Beat("Pauses and looks at screen"), new Beat("Resumes typing")],
            }));
        var focus = JSInterop.SetupModule("./js/focus.js");
        focus.SetupVoid("focusById", "comment-body");
        var cut = RenderThread();

        cut.WaitForElement(".beat-lane");
        cut.FindByLabelText("Beat 2, 0:02 to 0:03: Pauses and looks at screen (comment on this beat)").Click();

        cut.WaitForAssertion(() => Assert.Contains("From 0:02 to 0:03", cut.Markup));
        cut.WaitForAssertion(() => focus.VerifyInvoke("focusById"));
        cut.FindByLabelText("Comment").Input("She looks away too early");
        Button(cut, "Add comment").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".scrub-marker")));
        var stored = Assert.Single((await _studio.Get<CommentService>().ThreadAsync(_takeId)).Comments);
        Assert.Equal((2.0, 3.0), (stored.StartSeconds, stored.EndSeconds));
    }

    [Fact]
    public async Task AViewerReadsButCannotWrite()
    {
        var viewer = await _studio.CreateUserAsync("Vic");
        await _studio.AddMemberAsync(_projectId, viewer, ProjectRole.Viewer);
        await _studio.Get<CommentService>().AddAsync(_takeId, new CommentInput("Owner's note", 1));
        await using var scope = _studio.ScopeFor(viewer);

        var cut = RenderThread(scope);

        cut.WaitForAssertion(() => Assert.Contains("Owner's note", cut.Markup));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Add comment") || b.TextContent.Contains("Reply") || b.TextContent.Contains("Resolve"));
        Assert.Empty(cut.FindAll("textarea"));
    }

    [Fact]
    public async Task ResolvingHidesTheCommentUntilResolvedOnesAreShown()
    {
        await _studio.Get<CommentService>().AddAsync(_takeId, new CommentInput("Fix the grade", 1));
        var cut = RenderThread();
        cut.WaitForAssertion(() => Assert.Contains("Fix the grade", cut.Markup));

        Button(cut, "Resolve").Click();

        cut.WaitForAssertion(() => Assert.Contains("0 open · 1 resolved", cut.Markup));
        Assert.DoesNotContain("Fix the grade", cut.Markup);
        cut.Find("#show-resolved").Click();
        cut.WaitForAssertion(() => Assert.Contains("Resolved by Tester", cut.Markup));
    }

    [Fact]
    public void AnEmptyCommentIsRefusedWithAMessage()
    {
        var cut = RenderThread();

        Button(cut, "Add comment").Click();

        cut.WaitForAssertion(() => Assert.Contains("Write something first.", cut.Find("[role=alert]").TextContent));
    }

    [Fact]
    public async Task ANoteBecomesAnEditWhereTheTakesProviderHasEdits()
    {
        await using (var db = await _studio.DbAsync())
            await db.Takes.Where(t => t.Id == _takeId).ExecuteUpdateAsync(t => t.SetProperty(x => x.VideoId, "video_note"));
        await _studio.Get<CommentService>().AddAsync(_takeId, new CommentInput("Same shot, make it night.", 1));
        var cut = RenderThread();
        var dialogs = Render<Radzen.Blazor.RadzenDialog>();
        cut.WaitForAssertion(() => Assert.Contains("make it night", cut.Markup));

        Button(cut, "Turn into edit").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("$0.40", dialogs.Find("[aria-label=Price]").TextContent));
        Assert.Equal("Edit instruction", dialogs.Find("label[for='remix-instruction']").TextContent.Trim());
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Queue edit for $0.40")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Edit: take ", cut.Find("[data-comment] a").TextContent));
        await using var check = await _studio.DbAsync();
        Assert.Equal(TakeKind.Edit, (await check.Takes.SingleAsync(t => t.ParentTakeId == _takeId)).Kind);
    }

    [Fact]
    public async Task AReplyIsWrittenUnderItsCommentWithOneSendButtonAndItsDraftSurvivesClosing()
    {
        await _studio.Get<CommentService>().AddAsync(_takeId, new CommentInput("Fix the grade", 1));
        var cut = RenderThread();
        cut.WaitForAssertion(() => Assert.Contains("Fix the grade", cut.Markup));
        cut.FindByLabelText("Comment").Input("A new note in progress");

        Button(cut, "Reply").Click();

        // The reply box is under the comment, and the only reply button there is the one that sends it.
        var box = cut.Find("[role=group][aria-label='Replying to Tester']");
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Reply" or "Add reply");
        Assert.NotNull(box.QuerySelector("textarea"));
        cut.FindByLabelText("Reply to Tester").Input("Warmer, like the last one");
        Button(cut, "Close").Click();
        Assert.Empty(cut.FindAll("[aria-label='Replying to Tester']"));
        Button(cut, "Continue reply").Click();
        Assert.Equal("Warmer, like the last one", cut.FindByLabelText("Reply to Tester").GetAttribute("value") ?? cut.FindByLabelText("Reply to Tester").TextContent);
        Button(cut, "Send reply").Click();

        cut.WaitForAssertion(() => Assert.Contains("Warmer, like the last one", cut.Find(".comment-reply .comment-body").TextContent));
        var thread = await _studio.Get<CommentService>().ThreadAsync(_takeId);
        var reply = Assert.Single(thread.Comments, c => c.ParentId is not null);
        Assert.Equal("Warmer, like the last one", reply.Body);
        // The comment being written in the main box was never touched.
        Assert.Equal("A new note in progress", cut.FindByLabelText("Comment").GetAttribute("value") ?? cut.FindByLabelText("Comment").TextContent);
        Assert.Empty(cut.FindAll("[aria-label='Replying to Tester']"));
        Button(cut, "Reply").Click();
        Assert.Equal("", cut.FindByLabelText("Reply to Tester").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task DeletingAReplyAsksAboutThatReplyAndDeletingACommentNamesItsReplies()
    {
        var comments = _studio.Get<CommentService>();
        var parent = await comments.AddAsync(_takeId, new CommentInput("Fix the grade", 1));
        await comments.AddAsync(_takeId, new CommentInput("On it", ParentId: parent));
        var cut = RenderThread();
        var dialogs = Render<Radzen.Blazor.RadzenDialog>();
        cut.WaitForAssertion(() => Assert.Contains("On it", cut.Markup));

        cut.Find(".comment-reply").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this reply?", dialogs.Markup));
        Assert.DoesNotContain("its replies", dialogs.Markup);
        Button(dialogs, "Keep").Click();

        cut.FindAll(".comment:not(.comment-reply)").Single().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this comment and its reply?", dialogs.Markup));
    }

    [Theory]
    [InlineData(false, 0, "Delete this comment?")]
    [InlineData(false, 3, "Delete this comment and its 3 replies?")]
    [InlineData(true, 0, "Delete this reply?")]
    public void TheDeleteQuestionFitsWhatIsDeleted(bool isReply, int replies, string question)
    {
        var comment = new CommentView(2, isReply ? 1 : null, "u1", "Rita", "Warmer", null, null, DateTimeOffset.UtcNow, null, null, null, null, []);

        Assert.Equal(question, CommentRules.DeleteQuestion(comment, replies).Question);
    }

    [Fact]
    public async Task PressingCOnTheBarPutsTheKeyboardInTheCommentBoxAtThePlayersTime()
    {
        var focus = JSInterop.SetupModule("./js/focus.js");
        focus.SetupVoid("focusById", "comment-body");
        var cut = RenderThread();
        await cut.InvokeAsync(() => cut.Instance.OnPlayerTime(2.5, 4));

        cut.Find(".scrub-bar").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "c" });

        cut.WaitForAssertion(() => focus.VerifyInvoke("focusById"));
        Assert.Equal("comment-body", focus.Invocations["focusById"].Single().Arguments.Single());
        Assert.Contains("At 0:02.5", cut.Markup);
    }

    [Fact]
    public async Task AViewerIsNotToldToPressCToComment()
    {
        var viewer = await _studio.CreateUserAsync("Vic");
        await _studio.AddMemberAsync(_projectId, viewer, ProjectRole.Viewer);
        await using var scope = _studio.ScopeFor(viewer);

        var cut = RenderThread(scope);

        cut.WaitForAssertion(() => Assert.Contains("Click the bar to seek", cut.Find(".thread-hint").TextContent));
        Assert.DoesNotContain("press C", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pause where something should change", cut.Markup);
    }

    [Fact]
    public async Task ANotesDialogShowsThePriceTheOneChangeAdviceAndTheTextWithoutItsMentions()
    {
        await using (var db = await _studio.DbAsync())
            await db.Takes.Where(t => t.Id == _takeId).ExecuteUpdateAsync(t => t.SetProperty(x => x.VideoId, "video_note"));
        var rita = await _studio.CreateUserAsync("Rita Moreno");
        await _studio.AddMemberAsync(_projectId, rita, ProjectRole.Reviewer);
        await _studio.Get<CommentService>().AddAsync(_takeId, new CommentInput("@Rita Moreno change the lighting, switch to a 35mm lens and add rain", 1));
        var cut = RenderThread();
        var dialogs = Render<Radzen.Blazor.RadzenDialog>();
        cut.WaitForAssertion(() => Assert.Contains("add rain", cut.Markup));

        Button(cut, "Turn into edit").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("$0.40 (4 s at $0.10/s)", dialogs.Find("[aria-label=Price]").TextContent));
        Assert.Equal("change the lighting, switch to a 35mm lens and add rain", dialogs.Find("textarea[name='remix-instruction']").GetAttribute("value"));
        Assert.Contains("one change at a time", dialogs.Find("[aria-label='Edit advice']").TextContent);
        Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Contains("Queue edit for $0.40"));
        await using var check = await _studio.DbAsync();
        Assert.False(await check.Takes.AnyAsync(t => t.ParentTakeId == _takeId));
    }
}
