using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>Two people on one take: a note becomes the next take (an edit: the emulator's models have edits), and approving it closes the note.</summary>
public class ReviewFlowTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task AReviewersNoteAtTwoSecondsBecomesTheOwnersEditAndResolvesWhenTheEditIsApproved()
    {
        var takeId = await SeedReadyTakeAsync();
        var projectId = await ProjectOfAsync(takeId);

        // The owner invites a reviewer with a link from the members page.
        await SignInAsync();
        await OpenAsync($"/projects/{projectId}/members");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync();
        var link = await Page.GetByLabel("Invite link", new() { Exact = true }).InputValueAsync();
        await ScreenshotAsync(Page, "members-invite");

        var reviewer = await NewPersonAsync();
        await reviewer.GotoAsync(link);
        await reviewer.GetByLabel("Your name", new() { Exact = true }).FillAsync("Rita Reviewer");
        await reviewer.GetByLabel("Email", new() { Exact = true }).FillAsync("rita@studio.test");
        await reviewer.GetByLabel("Password", new() { Exact = true }).FillAsync("rita password 1");
        await reviewer.GetByLabel("Confirm password", new() { Exact = true }).FillAsync("rita password 1");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Waiting for my review" })).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = $"Stairs · take {await NumberOfAsync(takeId)}" })).ToBeVisibleAsync();
        await ScreenshotAsync(reviewer, "review-queue");

        // Both open the take (its review sits beside the player); the reviewer comments at 2 s.
        await OpenAsync($"/takes/{takeId}");
        await OpenAsync(reviewer, $"/takes/{takeId}");
        await reviewer.Locator("#take-player").EvaluateAsync("v => new Promise(r => { const go = () => { v.currentTime = 2; r(); }; v.readyState >= 1 ? go() : v.addEventListener('loadedmetadata', go, { once: true }); })");
        await Assertions.Expect(reviewer.GetByText("At 0:02")).ToBeVisibleAsync();
        await reviewer.GetByLabel("Comment", new() { Exact = true }).FillAsync("Make the lantern flicker <b>less</b>");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();

        // The owner sees it without reloading, as text, with its marker on the scrub bar at 0:02.
        var comment = Page.GetByRole(AriaRole.Article, new() { Name = "Comment by Rita Reviewer" });
        await Assertions.Expect(comment).ToContainTextAsync("Make the lantern flicker <b>less</b>", new() { Timeout = 3000 });
        await Assertions.Expect(Page.Locator(".scrub-marker[aria-label^='0:02 Rita Reviewer']")).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "take-review-comment");

        // The owner turns it into an edit.
        await comment.GetByRole(AriaRole.Button, new() { Name = "Turn into edit" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Edit instruction", new() { Exact = true })).ToHaveValueAsync("Make the lantern flicker <b>less</b>");
        await Page.GetByLabel("Edit instruction", new() { Exact = true }).FillAsync("Make the lantern flicker less");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Queue edit" }).ClickAsync();
        var editLink = comment.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Edit: take \d+$") });
        await Assertions.Expect(editLink).ToBeVisibleAsync();
        var editId = long.Parse((await editLink.TextContentAsync())!.Trim().Split(' ').Last(), CultureInfo.InvariantCulture);
        await WaitUntilReadyAsync(editId);

        // The reviewer approves the new take; the note resolves, and the owner sees that live.
        // The old review link lands on the take's page.
        await OpenAsync(reviewer, $"/takes/{editId}/review");
        await Assertions.Expect(reviewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/takes/{editId}$"));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-review-state='Approved']")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("1 resolved")).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Page.GetByText("Show resolved").ClickAsync();
        await Assertions.Expect(comment).ToContainTextAsync("Resolved by Rita Reviewer");
        await ScreenshotAsync(reviewer, "take-review-approved");

        // The owner's gallery filters by review state: only the approved edit.
        await OpenAsync($"/projects/{projectId}/gallery");
        await Assertions.Expect(Page.Locator("#gallery-count")).ToHaveTextAsync("2 takes");
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Review" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Approved" }).ClickAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.Locator("#gallery-count")).ToHaveTextAsync("1 take");
        await Assertions.Expect(Page.GetByRole(AriaRole.Article, new() { Name = $"Take {await NumberOfAsync(editId)}", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Article, new() { Name = $"Take {await NumberOfAsync(takeId)}", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "gallery-review-filter");
    }

    private async Task<long> SeedReadyTakeAsync()
    {
        await using var scope = await Server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Lighthouse {Guid.NewGuid():N}"[..20]));
        var spec = ShotSpec.Empty with
        {
            Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, warm tungsten light",
            Scene = "A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
        };
        var shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Stairs", spec);
        var takeId = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId)).Single();
        await WaitUntilReadyAsync(takeId);
        return takeId;
    }

    private async Task<long> ProjectOfAsync(long takeId)
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Takes.Where(t => t.Id == takeId).Select(t => t.ProjectId).SingleAsync();
    }

    private async Task WaitUntilReadyAsync(long takeId)
    {
        var contexts = Server.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var status = await db.Takes.Where(t => t.Id == takeId).Select(t => t.Status).SingleAsync();
            if (status == TakeStatus.Ready)
                return;
            Assert.True(DateTime.UtcNow < deadline && status is TakeStatus.Queued or TakeStatus.Submitting or TakeStatus.InProgress or TakeStatus.Downloading,
                $"Take {takeId} is {status}.");
            await Task.Delay(100);
        }
    }
}
