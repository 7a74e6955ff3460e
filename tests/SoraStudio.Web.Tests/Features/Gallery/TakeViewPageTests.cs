using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

/// <summary>The take page: named by the take's number in its project, its render's time left, a child's origin.</summary>
public sealed class TakeViewPageTests : PageTestContext
{
    [Fact]
    public async Task ARenderingTakeIsNamedByItsNumberAndSaysAboutHowLongIsLeft()
    {
        var (elsewhere, elsewhereShot) = await Seed.ShotInNewProjectAsync(Host);
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        var now = DateTimeOffset.UtcNow;
        long takeId;
        await using (var db = await Host.DbAsync())
        {
            db.Takes.Add(Rows.Take(elsewhere, elsewhereShot, TakeStatus.Ready, now.AddMinutes(-9)));
            var rendering = Rows.Take(projectId, shotId, TakeStatus.InProgress, now.AddMinutes(-1));
            // 20 % after 30 s of rendering, 40 s ago it was submitted: 150 s in all, 110 s left.
            (rendering.VideoId, rendering.Progress, rendering.SubmittedAt, rendering.ProgressAt) = ("video_rendering", 20, now.AddSeconds(-40), now.AddSeconds(-10));
            db.Takes.Add(rendering);
            await db.SaveChangesAsync();
            takeId = rendering.Id;
        }

        var page = Render<TakeViewPage>(p => p.Add(c => c.TakeId, takeId));

        page.WaitForAssertion(() => Assert.Equal("Take 1", page.Find("h1").TextContent.Trim()));
        Assert.Equal(2, takeId);
        Assert.Equal("about 2 min left", page.Find(".take-page__title .take-progress__left").TextContent.Trim());
        Assert.InRange(int.Parse(page.Find("[aria-label='Take 1 progress']").GetAttribute("aria-valuenow")!, System.Globalization.CultureInfo.InvariantCulture), 26, 28);
    }

    [Fact]
    public async Task AnEditsPageSaysWhatItIsAndWhatItWasMadeFromNotItsParentsSpec()
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(Host);
        long childId;
        await using (var db = await Host.DbAsync())
        {
            var parent = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow.AddMinutes(-5));
            parent.VideoId = "video_parent";
            db.Takes.Add(parent);
            await db.SaveChangesAsync();
            var child = Rows.Take(projectId, shotId, TakeStatus.Ready, DateTimeOffset.UtcNow, parent: parent.Id);
            (child.Kind, child.Prompt) = (TakeKind.Edit, child.RemixInstruction!);
            db.Takes.Add(child);
            await db.SaveChangesAsync();
            childId = child.Id;
        }

        var page = Render<TakeViewPage>(p => p.Add(c => c.TakeId, childId));

        page.WaitForAssertion(() => Assert.Equal("What this take is", page.Find("#spec-heading").TextContent.Trim()));
        var panel = page.Find(".take-spec");
        Assert.Contains("An edit of take 1", panel.TextContent);
        Assert.Contains("Make it night.", panel.TextContent);
        Assert.Contains("video_parent", panel.TextContent);
        Assert.DoesNotContain("35 mm film", panel.TextContent);
    }
}
