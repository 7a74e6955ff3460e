using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
