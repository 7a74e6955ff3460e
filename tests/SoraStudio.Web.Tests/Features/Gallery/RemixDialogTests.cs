using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>The remix dialog against the real generation service of an offline studio (the worker is off).</summary>
public sealed class RemixDialogTests : BunitContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;
    private long _ready, _queued;

    public RemixDialogTests()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(_studio);
        await using var db = await _studio.DbAsync();
        var ready = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow.AddMinutes(-5));
        ready.VideoId = "video_parent";
        var queued = Rows.Take(projectId, shotId, TakeStatus.Queued, DateTimeOffset.UtcNow);
        db.Takes.AddRange(ready, queued);
        await db.SaveChangesAsync();
        (_ready, _queued) = (ready.Id, queued.Id);
        Services.AddSingleton(_studio.Get<GenerationService>());
        Services.AddSingleton(_studio.Get<RemixInstructionValidator>());
    }

    public new async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        _folder.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>The dialog once it has its price: nothing can be queued before.</summary>
    private IRenderedComponent<RemixDialog> Dialog(long parent, Action<long>? queued = null, TakeKind kind = TakeKind.Remix)
    {
        var cut = Render<RemixDialog>(p => p.Add(d => d.ParentTakeId, parent).Add(d => d.ParentPrompt, "A lighthouse <keeper> climbs.")
            .Add(d => d.Queued, (long id) => queued?.Invoke(id)).Add(d => d.Kind, kind));
        cut.WaitForElement("[aria-label=Price]");
        return cut;
    }

    private static void Type(IRenderedComponent<RemixDialog> cut, string text) => cut.Find("textarea[name='remix-instruction']").Input(text);

    private static AngleSharp.Dom.IElement Pick(IRenderedComponent<RemixDialog> cut, string label) =>
        cut.FindAll("button").Single(b => b.QuerySelector(".rz-button-text")?.TextContent.Trim() == label);

    private async Task<int> ChildrenAsync()
    {
        await using var db = await _studio.DbAsync();
        return await db.Takes.CountAsync(t => t.ParentTakeId != null);
    }

    [Fact]
    public void TheDialogShowsTheParentsPromptAsTextAndIsLabelled()
    {
        var cut = Dialog(_ready);

        Assert.Equal("A lighthouse <keeper> climbs.", cut.Find("pre[aria-label=\"Parent's prompt\"]").TextContent);
        Assert.Equal("remix-instruction", cut.Find("label[for='remix-instruction']").GetAttribute("for"));
        Assert.Equal("Remix instruction", cut.Find("label[for='remix-instruction']").TextContent.Trim());
    }

    [Fact]
    public void AdviceFollowsTheInstructionAsItIsTypedAndItsFixApplies()
    {
        var cut = Dialog(_ready);

        Type(cut, "Change the lighting, switch to a 35mm lens and add rain");
        var advice = cut.Find("[aria-label='Remix advice']").TextContent;
        Assert.Contains("changes", advice);
        Assert.Contains("one change at a time", advice);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Keep the first change").Click();

        Assert.Equal("Same shot, change the lighting", cut.Find("textarea").GetAttribute("value"));
        Assert.Contains("One anchored change", cut.Find("[aria-label='Remix advice']").TextContent);
    }

    [Fact]
    public void EveryQuickPickIsOneAnchoredChange()
    {
        var cut = Dialog(_ready);

        foreach (var pick in RemixCases.All)
        {
            Pick(cut, pick.Label).Click();
            Assert.Equal(pick.Instruction, cut.Find("textarea").GetAttribute("value"));
            Assert.Contains("One anchored change", cut.Find("[aria-label='Remix advice']").TextContent);
        }
        Assert.Equal(["Lens", "Lighting", "Palette", "Camera move", "Action timing", "Wardrobe", "Background"], RemixCases.All.Select(c => c.Label));
    }

    [Fact]
    public async Task AnEmptyInstructionIsRefusedWithAReasonAndQueuesNothing()
    {
        var cut = Dialog(_ready);

        await cut.FindAll("button").Single(b => b.TextContent.Contains("Queue remix")).ClickAsync(new());

        Assert.Contains("The remix instruction is empty", cut.Find("[role=alert]").TextContent);
        Assert.Equal(0, await ChildrenAsync());
    }

    [Fact]
    public async Task A100KilobyteInstructionIsRefusedWithAReasonAndQueuesNothing()
    {
        var cut = Dialog(_ready);

        Type(cut, new string('a', 100 * 1024));
        Assert.Contains("gallery-count--over", cut.Find("#remix-count").ClassName);
        await cut.FindAll("button").Single(b => b.TextContent.Contains("Queue remix")).ClickAsync(new());

        Assert.Contains("at most 32,000 characters; it has 102,400", cut.Find("[role=alert]").TextContent);
        Assert.Equal(0, await ChildrenAsync());
    }

    [Fact]
    public async Task ATakeThatIsNotReadyCannotBeRemixed()
    {
        var cut = Dialog(_queued);

        Type(cut, "Same shot, switch to an 85mm lens.");
        await cut.FindAll("button").Single(b => b.TextContent.Contains("Queue remix")).ClickAsync(new());

        Assert.Contains("only a ready take can be remixed", cut.Find("[role=alert]").TextContent);
        Assert.Equal(0, await ChildrenAsync());
    }

    [Fact]
    public async Task SubmittingQueuesAChildTakeLinkedToItsParentWithTheInstruction()
    {
        long? queued = null;
        var cut = Dialog(_ready, id => queued = id);

        Pick(cut, "Lens").Click();
        await cut.FindAll("button").Single(b => b.TextContent.Contains("Queue remix")).ClickAsync(new());

        Assert.NotNull(queued);
        await using var db = await _studio.DbAsync();
        var child = await db.Takes.AsNoTracking().SingleAsync(t => t.Id == queued);
        Assert.Equal((_ready, "Same shot, switch to an 85mm lens.", TakeStatus.Queued), (child.ParentTakeId!.Value, child.RemixInstruction, child.Status));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task AsAnEditTheDialogSaysEditShowsThePriceAndQueuesAnEdit()
    {
        long? queued = null;
        var cut = Dialog(_ready, id => queued = id, TakeKind.Edit);

        Assert.Equal("Edit instruction", cut.Find("label[for='remix-instruction']").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Contains("$0.40 (4 s at $0.10/s)", cut.Find("[aria-label=Price]").TextContent));
        Pick(cut, "Lens").Click();
        Assert.Contains("One anchored change: ready to edit.", cut.Find("[aria-label='Edit advice']").TextContent);
        await cut.FindAll("button").Single(b => b.TextContent.Contains("Queue edit")).ClickAsync(new());

        Assert.NotNull(queued);
        await using var db = await _studio.DbAsync();
        var child = await db.Takes.AsNoTracking().SingleAsync(t => t.Id == queued);
        Assert.Equal((TakeKind.Edit, _ready, "Same shot, switch to an 85mm lens.", 0.40m), (child.Kind, child.ParentTakeId!.Value, child.RemixInstruction, child.EstimatedCost));
    }

    [Fact]
    public void AsARemixTheDialogShowsThePriceToo()
    {
        var cut = Dialog(_ready);

        cut.WaitForAssertion(() => Assert.Contains("$0.40 (4 s at $0.10/s)", cut.Find("[aria-label=Price]").TextContent));
        Assert.Contains("no budget set", cut.Find("[aria-label=Price]").TextContent);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Queue remix"));
    }

    [Fact]
    public async Task TheQueueButtonSaysThePriceAndOverTheBudgetCannotBePressed()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(_studio, budget: 0.10m);
        long poor;
        await using (var db = await _studio.DbAsync())
        {
            var ready = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow);
            (ready.VideoId, ready.EstimatedCost, ready.Cost) = ("video_poor", 0, 0);
            db.Takes.Add(ready);
            await db.SaveChangesAsync();
            poor = ready.Id;
        }
        var affordable = Dialog(_ready);
        var cut = Dialog(poor);

        Assert.Contains(affordable.FindAll("button"), b => b.TextContent.Contains("Queue remix for $0.40") && !b.HasAttribute("disabled"));
        Assert.Contains("this would pass the budget", cut.Find("[aria-label=Price]").TextContent);
        Pick(cut, "Lens").Click();
        var queue = cut.FindAll("button").Single(b => b.TextContent.Contains("Queue remix for $0.40"));
        Assert.True(queue.HasAttribute("disabled"));
        Assert.Equal(0, await ChildrenAsync());
    }
}
