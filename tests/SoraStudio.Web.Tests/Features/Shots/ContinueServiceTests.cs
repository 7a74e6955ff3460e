using SoraStudio.Core.Spec;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Shots;

/// <summary>"Continue in next shot" against the emulator over real HTTP: the last frame becomes the next shot's first.</summary>
public sealed class ContinueServiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
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
    }

    private ShotService Shots => _studio.Get<ShotService>();

    private async Task<long> ReadyTakeAsync(long shotId)
    {
        var takeId = (await _studio.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(_studio, takes => takes.Any(t => t.Id == takeId && !SoraStudio.Web.Generation.TakeStateMachine.IsActive(t.Status)));
        return takeId;
    }

    private static ShotSpec Look(string scene) => Seed.Spec(scene) with
    {
        Cinematography = new Cinematography { Lighting = "Warm lantern light, cool moonlight through the windows", PaletteAnchors = ["amber", "slate", "ink blue"] },
    };

    [Fact]
    public async Task AShotIsInsertedAfterTheTakesWithItsLastFrameAsReferenceAndTheSameLook()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        var stairs = await Seed.ShotAsync(_studio, projectId, Look("A keeper climbs the spiral stairs."), "Stairs");
        var sea = await Seed.ShotAsync(_studio, projectId, Seed.Spec("Waves break on the rocks."), "Sea");
        var takeId = await ReadyTakeAsync(stairs);

        var continued = await _studio.Get<ContinueService>().ContinueAsync(takeId);

        Assert.False(continued.Filled);
        Assert.Equal(1, continued.Position);
        var shots = await Shots.ListAsync(projectId);
        Assert.Equal([stairs, continued.ShotId, sea], shots.Select(s => s.Id));
        var shot = shots[1];
        Assert.Equal("Stairs (continued)", shot.Title);
        Assert.Equal(continued.AssetId, shot.ReferenceAssetId);
        Assert.Equal(new ReferenceImage($"take-{takeId}-last-frame.png", "image/png", 1280, 720), shot.Spec.ReferenceImage);
        Assert.Equal(("sora-2", "1280x720"), (shot.Spec.Model, shot.Spec.Size));
        Assert.Equal(Look("").Style, shot.Spec.Style);
        Assert.Equal(Look("").Cinematography, shot.Spec.Cinematography);
        Assert.Equal("", shot.Spec.Scene);
        var asset = await _studio.Get<AssetService>().GetAsync(continued.AssetId);
        Assert.Equal((AssetKind.Frame, 1280, 720, "image/png"), (asset.Kind, asset.Width, asset.Height, asset.ContentType));
    }

    [Fact]
    public async Task AnEmptyNextShotIsFilledAndANonEmptyOneIsLeftAlone()
    {
        var projectId = await Seed.ProjectAsync(_studio);
        var first = await Seed.ShotAsync(_studio, projectId, Look("A keeper climbs the spiral stairs."), "Stairs");
        var empty = await Shots.AddAsync(projectId, "Landing", ShotSpec.Empty with { Seconds = 8, Size = "720x1280" });
        var takeId = await ReadyTakeAsync(first);

        var filled = await _studio.Get<ContinueService>().ContinueAsync(takeId);

        Assert.True(filled.Filled);
        Assert.Equal(empty, filled.ShotId);
        var shot = await Shots.GetAsync(empty);
        Assert.Equal("Landing", shot.Title);
        // It frames like the clip it continues: the take's size; its own length stays.
        Assert.Equal(("1280x720", 8), (shot.Spec.Size, shot.Spec.Seconds));
        Assert.Equal(filled.AssetId, shot.ReferenceAssetId);

        // Now the next shot has a reference image: continuing again inserts a new one.
        var again = await _studio.Get<ContinueService>().ContinueAsync(takeId);
        Assert.False(again.Filled);
        Assert.Equal(3, (await Shots.ListAsync(projectId)).Count);
    }

    [Fact]
    public async Task TheContinuedShotGeneratesWithTheFrameAsItsFirstFrameAndTheSizeCheckApplies()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(_studio, Look("A keeper climbs the spiral stairs."));
        var takeId = await ReadyTakeAsync(shotId);
        var continued = await _studio.Get<ContinueService>().ContinueAsync(takeId);
        var shot = await Shots.GetAsync(continued.ShotId);
        await Shots.UpdateAsync(shot.Id, new ShotInput(shot.Title, shot.Spec with { Scene = "The keeper reaches the lamp room and opens the door." }, shot.Notes, shot.Overrides));

        var next = await ReadyTakeAsync(shot.Id);

        Assert.Equal(TakeStatus.Ready, (await StoredTakes.AllAsync(_studio)).Single(t => t.Id == next).Status);
        var create = _sent.Creates[^1];
        Assert.NotNull(create.InputReference);
        Assert.Equal($"take-{takeId}-last-frame.png", create.InputReference!.FileName);
        // The reference-image checks hold: turned portrait, the 1280x720 frame no longer fits.
        shot = await Shots.GetAsync(continued.ShotId);
        var turned = await Assert.ThrowsAsync<StudioException>(() => Shots.UpdateAsync(shot.Id, new ShotInput(shot.Title, shot.Spec with { Size = "720x1280" }, shot.Notes, shot.Overrides)));
        Assert.Contains("to match the size 720x1280", string.Join(" ", turned.Errors.Values.SelectMany(m => m)));
    }

    [Fact]
    public async Task ATakeWithoutAClipCannotBeContinued()
    {
        var (_, shotId) = await Seed.ShotInNewProjectAsync(_studio, Seed.Spec("A keeper climbs the stairs. [moderation-block]"));
        var takeId = await ReadyTakeAsync(shotId);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => _studio.Get<ContinueService>().ContinueAsync(takeId));

        Assert.Equal(StudioErrorKind.Conflict, refusal.Kind);
        Assert.Contains("has no clip to continue from", refusal.Message);
        Assert.Equal(VideoStatus.Failed, _emulator.Jobs.List().Single().Status);
    }
}
