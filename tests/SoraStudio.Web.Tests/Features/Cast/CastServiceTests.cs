using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Cast;

/// <summary>The cast against the emulator over real HTTP: characters from a take's range or a clip, and shots that send them.</summary>
public sealed class CastServiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _clips = new();
    private readonly RecordingApi.Log _sent = new();
    private EmulatorServer _emulator = null!;
    private StudioTestHost _studio = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.StartAsync();
        _studio = await StudioTestHost.StartAsync(_folder.Path, _emulator.BaseUrl, o => o.DecorateApi = api => new RecordingApi(api, _sent));
    }

    public async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
        _clips.Dispose();
    }

    private CastService Cast => _studio.Get<CastService>();

    private async Task<(long ProjectId, long ShotId, long TakeId)> ReadyTakeAsync(string scene = "A lighthouse keeper climbs the spiral stairs at dusk.")
    {
        var (projectId, shotId) = await Seed.ShotInNewProjectAsync(_studio, Seed.Spec(scene));
        var takeId = (await _studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(_studio, takes => takes.Any(t => t.Id == takeId && t.Status == TakeStatus.Ready));
        return (projectId, shotId, takeId);
    }

    private async Task<CastMemberInfo> FromClipAsync(long projectId, string name, double seconds = 3, int width = 1280, int height = 720)
    {
        await using var clip = File.OpenRead(await TestClips.MakeAsync(_clips.Path, seconds, width, height));
        return await Cast.CreateFromUploadAsync(projectId, name, "clip.mp4", clip);
    }

    [Fact]
    public async Task ARangeOfATakeIsCutUploadedAndKeptWithItsProviderIdAndThumbnail()
    {
        var (projectId, _, takeId) = await ReadyTakeAsync();

        var mara = await Cast.CreateFromTakeAsync(takeId, "  Mara  ", 0.5, 3.0);

        Assert.Equal(CastMemberState.Ready, mara.State);
        Assert.Equal("Mara", mara.Name);
        Assert.StartsWith("char_", mara.CharacterId);
        Assert.True(mara.UsableHere);
        Assert.Equal((takeId, 0.5, 3.0), (mara.SourceTakeId!.Value, mara.FromSeconds!.Value, mara.ToSeconds!.Value));
        Assert.Equal(_emulator.BaseUrl.TrimEnd('/'), mara.Provider);
        // The cut is what was sent: 2.5 s of the 1280x720 take.
        Assert.Equal((1280, 720), (mara.Width, mara.Height));
        Assert.InRange(mara.DurationSeconds!.Value, 2.4, 2.6);
        Assert.True(mara.HasThumbnail);
        Assert.Equal(1, _emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        var atProvider = await _studio.Get<IVideosApi>().GetCharacterAsync(mara.CharacterId!);
        Assert.Equal("Mara", atProvider.Name);
        var path = await Cast.ThumbnailPathAsync(mara.Id);
        Assert.Equal(320, MediaProbe.Probe(_studio.Get<ClipStore>().GetFullPath(path!)).Width);
        Assert.Equal([mara.Id], (await Cast.ListAsync(projectId)).Select(m => m.Id));
    }

    [Theory]
    [InlineData(-0.5, 2.0, "from", "before the clip's start")]
    [InlineData(2.0, 6.0, "to", "after the clip's end")]
    [InlineData(1.0, 2.5, "to", "2 to 4 seconds")]
    [InlineData(0.0, 4.5, "to", "after the clip's end")]
    [InlineData(3.0, 2.0, "to", "must end after it starts")]
    public async Task ARangeOutsideTheClipOrOfTheWrongLengthIsRefusedByFieldBeforeAnythingIsSent(double from, double to, string field, string message)
    {
        var (projectId, _, takeId) = await ReadyTakeAsync();

        var refusal = await Assert.ThrowsAsync<StudioException>(() => Cast.CreateFromTakeAsync(takeId, "Mara", from, to));

        Assert.Equal(StudioErrorKind.Invalid, refusal.Kind);
        Assert.Contains(message, Assert.Single(refusal.Errors[field]));
        Assert.Equal(0, _emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        Assert.Empty(await Cast.ListAsync(projectId));
    }

    [Theory]
    [InlineData(6, 1280, 720, "must be 2 to 4 seconds long, but this one is 6.0 seconds")]
    [InlineData(3, 640, 640, "must be 16:9 or 9:16 at 720p to 1080p, but this one is 640x640")]
    public async Task AClipTheProviderRefusesShowsItsOwnErrorUnderTheClipAndLeavesNoMember(double seconds, int width, int height, string contract)
    {
        var projectId = await Seed.ProjectAsync(_studio);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => FromClipAsync(projectId, "Mara", seconds, width, height));

        Assert.Equal(StudioErrorKind.Invalid, refusal.Kind);
        var message = Assert.Single(refusal.Errors["video"]);
        Assert.StartsWith("The provider refused the clip: Invalid file 'video': a character video ", message);
        Assert.Contains(contract, message);
        Assert.Equal(1, _emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        Assert.Empty(await Cast.ListAsync(projectId));
    }

    [Fact]
    public async Task NamesAreUniqueInAProjectWhateverTheirCaseAndNeedALetter()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        await FromClipAsync(projectId, "Mara");

        var twice = await Assert.ThrowsAsync<StudioException>(() => FromClipAsync(projectId, "MARA"));
        var blank = await Assert.ThrowsAsync<StudioException>(() => FromClipAsync(projectId, " "));
        var punctuation = await Assert.ThrowsAsync<StudioException>(() => FromClipAsync(projectId, "!!"));
        var tooLong = await Assert.ThrowsAsync<StudioException>(() => FromClipAsync(projectId, new string('a', 81)));

        Assert.Contains("already has “Mara”", Assert.Single(twice.Errors["name"]));
        Assert.All([blank, punctuation, tooLong], e => Assert.True(e.Errors.ContainsKey("name")));
        Assert.Equal(1, _emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
    }

    [Fact]
    public async Task AShotThatNamesCastMembersSendsTheirCharactersAtMostTwoInTheOrderNamed()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        var mara = await FromClipAsync(projectId, "Mara");
        var tomas = await FromClipAsync(projectId, "Tomas");
        var ines = await FromClipAsync(projectId, "Ines");
        var named = await Seed.ShotAsync(_studio, projectId, Seed.Spec("Tomas hands Ines the rope while Mara watches from the gallery."));
        var loose = await Seed.ShotAsync(_studio, projectId, Seed.Spec("mara climbs alone."));
        var generation = _studio.Get<GenerationService>();

        var castTake = (await generation.GenerateAsync(named)).Single();
        var plainTake = (await generation.GenerateAsync(loose)).Single();
        var takes = await StoredTakes.WaitUntilFinishedAsync(_studio, 2);

        // The emulator refuses an unknown character id: ready means it accepted the two sent.
        Assert.All(takes, t => Assert.Equal(TakeStatus.Ready, t.Status));
        Assert.Equal([tomas.CharacterId!, ines.CharacterId!], takes.Single(t => t.Id == castTake).CharacterIds);
        Assert.Null(takes.Single(t => t.Id == plainTake).CharacterIds);
        var creates = _sent.Creates;
        Assert.Equal([tomas.CharacterId!, ines.CharacterId!], creates.Single(c => c.Prompt.Contains("Tomas", StringComparison.Ordinal)).Characters);
        Assert.Empty(creates.Single(c => c.Prompt.Contains("mara climbs", StringComparison.Ordinal)).Characters);
        Assert.DoesNotContain(mara.CharacterId, creates.SelectMany(c => c.Characters));
    }

    [Fact]
    public async Task ACharacterMadeWithAnotherProviderIsMarkedUnusableAndNotSent()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        var mara = await FromClipAsync(projectId, "Mara");
        await using (var db = await _studio.DbAsync())
            await db.CastMembers.Where(m => m.Id == mara.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Provider, "https://api.elsewhere.example/v1"));
        var shotId = await Seed.ShotAsync(_studio, projectId, Seed.Spec("Mara climbs the stairs."));

        var listed = Assert.Single(await Cast.ListAsync(projectId));
        var takeId = (await _studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        var take = Assert.Single(await StoredTakes.WaitUntilFinishedAsync(_studio, 1));

        Assert.False(listed.UsableHere);
        Assert.Equal("https://api.elsewhere.example/v1", listed.ProviderName);
        Assert.Equal(takeId, take.Id);
        Assert.Null(take.CharacterIds);
        Assert.Empty(Assert.Single(_sent.Creates).Characters);
        // Made again here, it is usable.
        var again = await Cast.MakeAgainAsync(mara.Id);
        Assert.True(again.UsableHere);
        Assert.NotEqual(mara.CharacterId, again.CharacterId);
    }

    [Fact]
    public async Task RemovingAMemberKeepsItsTakesAndFreesItsName()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        var mara = await FromClipAsync(projectId, "Mara");

        await Cast.DeleteAsync(mara.Id);
        var again = await FromClipAsync(projectId, "Mara");

        Assert.Equal([again.Id], (await Cast.ListAsync(projectId)).Select(m => m.Id));
        await Assert.ThrowsAsync<StudioException>(() => Cast.GetAsync(mara.Id));
    }
}
