using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.Features.Compose;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>The extend dialog against the real generation service of an offline studio (the worker is off).</summary>
public sealed class ExtendDialogTests : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StudioTestHost _studio = null!;
    private long _projectId, _shotId, _ready;

    public async Task InitializeAsync()
    {
        _studio = await OfflineStudio.StartAsync(_folder);
        (_projectId, _shotId) = await Seed.ShotInNewProjectAsync(_studio, budget: 5.00m);
        _ready = await ReadyTakeAsync(seconds: 4);
        Services.AddSingleton(_studio.Get<GenerationService>());
    }

    public new async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        _folder.Dispose();
        await base.DisposeAsync();
    }

    private IRenderedComponent<ExtendDialog> Dialog(long parent, Action<long>? queued = null)
    {
        var cut = Render<ExtendDialog>(p => p.Add(d => d.ParentTakeId, parent).Add(d => d.ParentPrompt, "A lighthouse keeper climbs.")
            .Add(d => d.Queued, (long id) => queued?.Invoke(id)));
        cut.WaitForAssertion(() => Assert.Contains("so far", cut.Find("#extend-parent-label").TextContent));
        return cut;
    }

    private static string[] Lengths(IRenderedComponent<ExtendDialog> cut) =>
        [.. cut.FindAll("[aria-labelledby='extend-seconds-label'] [role=radio]").Select(r => r.GetAttribute("aria-label")!)];

    private static void Choose(IRenderedComponent<ExtendDialog> cut, string length) =>
        cut.Find($"[aria-labelledby='extend-seconds-label'] [role=radio][aria-label='{length}']").Click();

    private static string Price(IRenderedComponent<ExtendDialog> cut) => cut.Find("[aria-label=Price]").TextContent.Trim();

    private static string FieldError(IRenderedComponent<ExtendDialog> cut, string field) =>
        string.Join(" ", cut.FindAll($"[data-field='{field}'] [role=alert] .gallery-note__message").Select(a => a.TextContent.Trim()));

    [Fact]
    public void OnlyTheAllowedLengthsAreOfferedWithTheirPricesAndTheShortestIsPricedAgainstTheBudget()
    {
        var cut = Dialog(_ready);

        Assert.Equal(["+4 s → 8 s · $0.40", "+8 s → 12 s · $0.80", "+12 s → 16 s · $1.20", "+16 s → 20 s · $1.60", "+20 s → 24 s · $2.00"], Lengths(cut));
        cut.WaitForAssertion(() => Assert.Contains("$0.40 (4 s at $0.10/s)", Price(cut)));
        Assert.Contains("$4.60 of the $5.00 budget left, $4.20 after this", Price(cut));
        Assert.False(Button(cut, "Extend for $0.40").HasAttribute("disabled"));
    }

    [Fact]
    public void ChoosingAnotherLengthPricesIt()
    {
        var cut = Dialog(_ready);

        Choose(cut, "+8 s → 12 s · $0.80");

        cut.WaitForAssertion(() => Assert.Contains("$0.80 (8 s at $0.10/s)", Price(cut)));
        Assert.NotNull(Button(cut, "Extend for $0.80"));
    }

    [Fact]
    public void TheBeatsAdviceJudgesTheAddedSecondsAndItsFixChoosesAnotherLength()
    {
        var cut = Dialog(_ready);
        Choose(cut, "+12 s → 16 s · $1.20");

        cut.Find("textarea[name='extend-prompt']").Input("The keeper reaches the lamp.");

        var advice = cut.Find("[aria-label='Extension advice']").TextContent;
        Assert.Contains("In the added seconds: Only 1 action beat for 12 s", advice);
        Button(cut, "Extend by 4 s").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("The beats fit the added 4 s.", cut.Find("[aria-label='Extension advice']").TextContent);
            Assert.Contains("$0.40 (4 s at $0.10/s)", Price(cut));
        });
    }

    [Fact]
    public async Task ASeventhExtensionIsRefusedUnderTheLengthWithNothingToChooseOrQueue()
    {
        var last = _ready;
        for (var i = 1; i <= 6; i++)
            last = await ReadyTakeAsync(seconds: 4 + (4 * i), parent: last);

        var cut = Dialog(last);

        cut.WaitForAssertion(() => Assert.Contains("already the 6th extension in a row; a clip can be extended at most 6 times", FieldError(cut, "seconds")));
        Assert.Empty(Lengths(cut));
        Assert.Empty(cut.FindAll("[aria-label=Price]"));
        Assert.True(Button(cut, "Extend").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ATotalOver120SecondsIsRefusedUnderTheLength()
    {
        var take = await ReadyTakeAsync(seconds: 118);

        var cut = Dialog(take);

        cut.WaitForAssertion(() => Assert.Contains("is 118 s; 4 s more would make 122 s, over the 120 s an extended clip may last", FieldError(cut, "seconds")));
        Assert.Empty(Lengths(cut));
    }

    [Fact]
    public async Task AnEmptyPromptIsRefusedUnderThePromptAndQueuesNothing()
    {
        var cut = Dialog(_ready);
        cut.WaitForAssertion(() => Button(cut, "Extend for $0.40"));

        await Button(cut, "Extend for $0.40").ClickAsync(new());

        Assert.Equal("Say what happens in the added seconds.", FieldError(cut, "prompt"));
        Assert.Equal(1, await TakeCountAsync());
    }

    [Fact]
    public async Task AnExtensionPastTheBudgetIsShownAsSuchAndCannotBeQueued()
    {
        await using (var db = await _studio.DbAsync())
            await db.Projects.Where(p => p.Id == _projectId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Budget, 0.50m));

        var cut = Dialog(_ready);

        cut.WaitForAssertion(() => Assert.Contains("$0.10 of the $0.50 budget left: this would pass the budget", Price(cut)));
        Assert.True(Button(cut, "Extend for $0.40").HasAttribute("disabled"));
    }

    [Fact]
    public async Task QueuingMakesAPricedExtensionChildOfTheStitchedLength()
    {
        long? queued = null;
        var cut = Dialog(_ready, id => queued = id);
        Choose(cut, "+8 s → 12 s · $0.80");
        cut.Find("textarea[name='extend-prompt']").Input("The keeper reaches the lamp.\nShe lights it.");
        cut.WaitForAssertion(() => Button(cut, "Extend for $0.80"));

        await Button(cut, "Extend for $0.80").ClickAsync(new());

        Assert.NotNull(queued);
        await using var db = await _studio.DbAsync();
        var child = await db.Takes.AsNoTracking().SingleAsync(t => t.Id == queued);
        Assert.Equal((TakeKind.Extension, _ready, 12, 0.80m, TakeStatus.Queued), (child.Kind, child.ParentTakeId!.Value, child.Seconds, child.EstimatedCost, child.Status));
        Assert.Equal("The keeper reaches the lamp.\nShe lights it.", child.RemixInstruction);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    private async Task<int> TakeCountAsync()
    {
        await using var db = await _studio.DbAsync();
        return await db.Takes.CountAsync();
    }

    private async Task<long> ReadyTakeAsync(int seconds, long? parent = null)
    {
        await using var db = await _studio.DbAsync();
        var take = Rows.Take(_projectId, _shotId, TakeStatus.Ready, DateTimeOffset.UtcNow, parent);
        take.Seconds = seconds;
        take.VideoId = $"video_{Guid.NewGuid():N}";
        take.Kind = parent is null ? TakeKind.Generation : TakeKind.Extension;
        db.Takes.Add(take);
        await db.SaveChangesAsync();
        return take.Id;
    }
}
