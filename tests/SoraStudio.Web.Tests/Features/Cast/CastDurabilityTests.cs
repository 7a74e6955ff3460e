using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Cast;

/// <summary>
/// Making a character is paid and cannot be repeated safely: a studio that stops mid-call, or a call whose outcome is
/// unknown, leaves the member needing a person, and nothing is sent again unless that person asks.
/// </summary>
public sealed class CastDurabilityTests
{
    public static TheoryData<string> CrashPoints() => [.. CastCrashPoint.All];

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task AStudioThatStopsWhileACharacterIsBeingMadeLeavesItForAPersonAndNeverSendsItAgain(string point)
    {
        using var folder = new TempFolder();
        using var clips = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var clip = await TestClips.MakeAsync(clips.Path, 3, 1280, 720);
        long projectId;
        var crash = new CrashAt(point);
        await using (var dying = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => { o.CrashPoints = crash; o.RunWorker = false; }))
        {
            projectId = await Seed.ProjectAsync(dying);
            await using var content = File.OpenRead(clip);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Get<CastService>().CreateFromUploadAsync(projectId, "Mara", "mara.mp4", content));
        }
        var sent = point == CastCrashPoint.AfterIntent ? 0 : 1;

        // Another process at once: the call could still be out, so the member is still being made.
        await using (var next = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => o.RunWorker = false))
            Assert.Equal(CastMemberState.Creating, Assert.Single(await next.Get<CastService>().ListAsync(projectId)).State);

        // Later than any call can last: set aside for a person, not sent again.
        var later = new ManualClock(DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        await using var restarted = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => { o.RunWorker = false; o.Clock = later; });
        var cast = restarted.Get<CastService>();
        var member = Assert.Single(await cast.ListAsync(projectId));
        Assert.Equal(CastMemberState.NeedsAttention, member.State);
        Assert.Null(member.CharacterId);
        Assert.Contains("may or may not exist", member.ErrorMessage);
        Assert.Equal(sent, emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        // A person decides: here, to make it again knowingly.
        var again = await cast.MakeAgainAsync(member.Id);
        Assert.Equal(CastMemberState.Ready, again.State);
        Assert.Equal(sent + 1, emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
    }

    [Fact]
    public async Task ACharacterWhoseOutcomeIsUnknownIsSettledByLinkingTheIdTheProviderHas()
    {
        using var folder = new TempFolder();
        using var clips = new TempFolder();
        await using var emulator = await Emulators.StartAsync();
        var made = new LostCharacterApi.Made();
        await using var studio = await StudioTestHost.StartAsync(folder.Path, emulator.BaseUrl, o => { o.RunWorker = false; o.DecorateApi = api => new LostCharacterApi(api, made); });
        var projectId = await Seed.ProjectAsync(studio);
        var cast = studio.Get<CastService>();
        await using var content = File.OpenRead(await TestClips.MakeAsync(clips.Path, 3, 720, 1280));

        var member = await cast.CreateFromUploadAsync(projectId, "Mara", "mara.mp4", content);

        Assert.Equal(CastMemberState.NeedsAttention, member.State);
        Assert.Contains("may or may not have made the character", member.ErrorMessage);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        // A wrong id is refused by field, checked at the provider.
        var unknown = await Assert.ThrowsAsync<StudioException>(() => cast.LinkAsync(member.Id, "char_nothing_here"));
        Assert.True(unknown.Errors.ContainsKey("characterId"));

        var linked = await cast.LinkAsync(member.Id, made.Characters.Single().Id!);

        Assert.Equal(CastMemberState.Ready, linked.State);
        Assert.Equal(made.Characters.Single().Id, linked.CharacterId);
        Assert.True(linked.UsableHere);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        await Assert.ThrowsAsync<StudioException>(() => cast.MakeAgainAsync(member.Id));
    }
}
