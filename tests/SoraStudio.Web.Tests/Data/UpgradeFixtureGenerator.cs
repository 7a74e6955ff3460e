using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Data;

/// <summary>
/// Makes an upgrade fixture: a data folder (studio.db, clips, key ring, and the emulator's jobs under
/// <c>emulator/</c>) written by this build of the studio through its own services, worker and emulator — users,
/// tokens, projects, takes in every state, clips, a reference image, review notes, webhook deliveries, a stored
/// setting — plus <c>fixture.json</c> with what a test needs to use it (passwords, the active token).
/// Not part of the suite: run it on the build whose databases must keep upgrading, with
/// <c>SORA_MAKE_UPGRADE_FIXTURE=/absolute/empty/folder dotnet test tests/SoraStudio.Web.Tests --filter FullyQualifiedName~UpgradeFixtureGenerator</c>.
/// </summary>
public sealed class UpgradeFixtureGenerator
{
    public const string Variable = "SORA_MAKE_UPGRADE_FIXTURE";
    private const string WebhookSecret = "whsec_dXBncmFkZS1maXh0dXJlLXdlYmhvb2stc2VjcmV0";

    /// <summary>About 63 years: the fixture's videos stay downloadable whenever the upgrade test runs.</summary>
    private const int NeverExpires = 2_000_000_000;

    [UpgradeFixtureFact]
    public async Task MakeTheFixture()
    {
        var target = Environment.GetEnvironmentVariable(Variable)!;
        Directory.CreateDirectory(target);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
        var emulatorData = Path.Combine(target, "emulator");
        var facts = new UpgradeFixtureFacts { Password = StudioTestHost.TesterPassword };

        var lighthouse = await FinishedWorkAsync(target, emulatorData, facts);
        await NeedsAttentionAsync(target, emulatorData, lighthouse);
        await ExpiredAsync(target, emulatorData, lighthouse);
        await InFlightAsync(target, emulatorData, lighthouse);
        await QueuedAndCanceledAsync(target, lighthouse);

        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(Path.Combine(target, "studio.db-wal")), "The database was left with an uncheckpointed WAL.");
        await File.WriteAllTextAsync(Path.Combine(target, UpgradeFixtureFacts.FileName), JsonSerializer.Serialize(facts, UpgradeFixtureFacts.Json));
    }

    /// <summary>
    /// Users, tokens, projects, ready and failed takes, a remix, review notes, webhook deliveries, a setting. The
    /// provider's copies of these videos expire soon after the studio has its own, as real ones do (an hour later).
    /// </summary>
    private static async Task<long> FinishedWorkAsync(string target, string emulatorData, UpgradeFixtureFacts facts)
    {
        await using var emulator = await Emulators.StartAsync(o => { o.DataPath = emulatorData; o.ExpirySeconds = 20; });
        await using var studio = await StudioTestHost.StartAsync(target, emulator.BaseUrl, o => o.Settings["Studio:Webhooks:Secret"] = WebhookSecret);
        emulator.Options.Webhook.Url = studio.BaseUrl + WebhookEndpoint.Path;
        emulator.Options.Webhook.Secret = WebhookSecret;
        facts.OwnerEmail = "tester@studio.test";

        var projects = studio.Get<ProjectService>();
        var lighthouse = await projects.CreateAsync(new ProjectInput("Lighthouse", "The keeper's last night.", Budget: 50m));
        var pitch = await projects.CreateAsync(new ProjectInput("Old pitch"));
        await Seed.ShotAsync(studio, pitch, Seed.Spec("A pitch deck flutters on a windy pier."), "Pier");
        await projects.SetArchivedAsync(pitch, true);

        var accounts = studio.Get<AccountService>();
        var reviewer = await accounts.RedeemInviteAsync((await accounts.CreateInviteAsync(lighthouse, ProjectRole.Reviewer)).Token,
            new NewAccount("Robin Reviewer", "reviewer@studio.test", facts.Password), null);
        var viewer = await accounts.RedeemInviteAsync((await accounts.CreateInviteAsync(lighthouse, ProjectRole.Viewer)).Token,
            new NewAccount("Vic Viewer", "viewer@studio.test", facts.Password), null);
        facts.ReviewerEmail = reviewer.User.Email!;
        facts.ViewerEmail = viewer.User.Email!;

        var tokens = studio.Get<ApiTokenService>();
        facts.ActiveToken = (await tokens.CreateAsync("ci", expiresAt: null)).Token;
        var revoked = await tokens.CreateAsync("old laptop", expiresAt: null);
        await tokens.RevokeAsync(revoked.Info.Id);
        facts.RevokedToken = revoked.Token;

        var stairs = await Seed.ShotAsync(studio, lighthouse, Seed.Spec(), "Stairs");
        var harbour = await Seed.ShotAsync(studio, lighthouse,
            Seed.Spec("The keeper rows across the harbour at dawn.", seconds: 8) with { Size = "720x1280" }, "Harbour");
        var keeper = await studio.Get<AssetService>().AddAsync(lighthouse,
            new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(720, 1280, 200, 120, 40))));
        await studio.Get<ShotService>().SetReferenceAsync(harbour, keeper.Id);
        var storm = await Seed.ShotAsync(studio, lighthouse, Seed.Spec("A storm [moderation-block] hits the lantern room."), "Storm");

        var generation = studio.Get<GenerationService>();
        var stairsTakes = await generation.GenerateAsync(stairs, variations: 2);
        await generation.GenerateAsync(harbour);
        await generation.GenerateAsync(storm);
        await StoredTakes.WaitUntilFinishedAsync(studio, 4, TimeSpan.FromSeconds(60));
        await generation.RemixAsync(stairsTakes[0], "Make it night, with the lantern lit.");
        var takes = await StoredTakes.WaitUntilFinishedAsync(studio, 5, TimeSpan.FromSeconds(60));
        Assert.Equal([TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Failed, TakeStatus.Ready], takes.Select(t => t.Status));

        var reviewerIdentity = new StudioIdentity(reviewer.User.Id, reviewer.User.DisplayName, IsStudioOwner: false);
        await using (var asReviewer = studio.ScopeFor(reviewerIdentity))
        {
            var review = asReviewer.Get<ReviewService>();
            await review.ApproveAsync(stairsTakes[0]);
            await review.RateAsync(stairsTakes[0], 4);
            await review.RequestChangesAsync(stairsTakes[1], "Too dark on the stairs; keep the lantern in frame.");
            var comment = await asReviewer.Get<CommentService>().AddAsync(stairsTakes[0], new CommentInput("The lantern flickers nicely here. @Tester agree?", 1.0, 2.5));
            await studio.Get<CommentService>().AddAsync(stairsTakes[0], new CommentInput("Agreed, keep it.", ParentId: comment));
            var resolved = await asReviewer.Get<CommentService>().AddAsync(stairsTakes[1], new CommentInput("The railing pops at 0:02."));
            await asReviewer.Get<CommentService>().ResolveAsync(resolved, true);
        }

        await studio.Get<StudioSettingsService>().SaveAsync(apiKey: null, baseUrl: "https://videos.example.test/v1");
        // The emulator announces each finished video; the receiver records every delivery.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (emulator.RequestLog.WebhookAttempts.Count(a => a.StatusCode == 200) < 5 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(5, emulator.RequestLog.WebhookAttempts.Count(a => a.StatusCode == 200));
        // The emulator deletes expired media itself; waiting for it keeps the fixture small.
        var media = Path.Combine(emulatorData, "media");
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        Assert.Empty(Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories));
        return lighthouse;
    }

    /// <summary>A create whose outcome is unknown and that never reached the provider: set aside, never resubmitted.</summary>
    private static async Task NeedsAttentionAsync(string target, string emulatorData, long lighthouse)
    {
        await using var emulator = await Emulators.StartAsync(o => { o.DataPath = emulatorData; o.ExpirySeconds = NeverExpires; });
        var losses = new LostResponseApi.Losses(1, sent: false);
        await using var studio = await StudioTestHost.StartAsync(target, emulator.BaseUrl, o => o.DecorateApi = api => new LostResponseApi(api, losses));
        var shot = await Seed.ShotAsync(studio, lighthouse, Seed.Spec("Fog rolls over the cliff path."), "Fog");
        var takeId = Assert.Single(await studio.Get<GenerationService>().GenerateAsync(shot));
        await StoredTakes.WaitUntilAsync(studio, takes => takes.Single(t => t.Id == takeId).Status == TakeStatus.NeedsAttention);
    }

    /// <summary>A video that expired at the provider before the studio downloaded it.</summary>
    private static async Task ExpiredAsync(string target, string emulatorData, long lighthouse)
    {
        await using var emulator = await Emulators.StartAsync(o => { o.DataPath = emulatorData; o.ExpirySeconds = 1; });
        // The worker stops once, after writing Downloading; when it takes the take up again the copy has expired.
        await using var studio = await StudioTestHost.StartAsync(target, emulator.BaseUrl, o => o.CrashPoints = new CrashAt(CrashPoint.AfterDownloadingWritten));
        var shot = await Seed.ShotAsync(studio, lighthouse, Seed.Spec("Gulls circle the lamp at noon."), "Gulls");
        var takeId = Assert.Single(await studio.Get<GenerationService>().GenerateAsync(shot));
        await StoredTakes.WaitUntilAsync(studio, takes => takes.Single(t => t.Id == takeId).Status == TakeStatus.Expired);
    }

    /// <summary>
    /// Four takes left where a worker died: Submitting before the create was sent, Submitting after it reached the
    /// provider, InProgress, and Downloading with the video stored but not the stills.
    /// </summary>
    private static async Task InFlightAsync(string target, string emulatorData, long lighthouse)
    {
        await using var emulator = await Emulators.StartAsync(o => { o.DataPath = emulatorData; o.ExpirySeconds = NeverExpires; o.MaxRunningJobs = 4; });
        var freeze = new FreezeOnce(CrashPoint.AfterSubmittingIntent, CrashPoint.AfterCreateBeforeVideoId, CrashPoint.AfterVideoIdWritten, CrashPoint.AfterClipRow);
        await using (var studio = await StudioTestHost.StartAsync(target, emulator.BaseUrl, o =>
        {
            o.CrashPoints = freeze;
            o.Settings["Studio:Generation:MaxConcurrentJobs"] = "4";
            // A frozen take stays claimed until this process has stopped.
            o.Settings["Studio:Generation:LeaseDuration"] = "00:01:00";
        }))
        {
            string[] scenes =
            [
                "The keeper winds the clockwork of the lens.",
                "Waves break on the rocks below the tower.",
                "A ship's lights pass far out at sea.",
                "The keeper writes the night's entry in the log.",
            ];
            foreach (var (scene, index) in scenes.Select((s, i) => (s, i)))
            {
                var shot = await Seed.ShotAsync(studio, lighthouse, Seed.Spec(scene), $"Night {index + 1}");
                await studio.Get<GenerationService>().GenerateAsync(shot);
            }
            await freeze.AllHit.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>With no worker running: one take waiting in the queue and one canceled before it was sent.</summary>
    private static async Task QueuedAndCanceledAsync(string target, long lighthouse)
    {
        await using var studio = await StudioTestHost.StartAsync(target, "http://127.0.0.1:9/v1", o => o.Settings["Studio:Generation:Enabled"] = "false");
        var generation = studio.Get<GenerationService>();
        var queued = await Seed.ShotAsync(studio, lighthouse, Seed.Spec("Dawn light fills the empty lantern room."), "Dawn");
        await generation.GenerateAsync(queued);
        var canceled = await Seed.ShotAsync(studio, lighthouse, Seed.Spec("The supply boat ties up at the jetty."), "Supplies");
        var takeId = Assert.Single(await generation.GenerateAsync(canceled));
        Assert.Equal(TakeStatus.Canceled, await generation.CancelAsync(takeId));
    }

    /// <summary>Each point makes the first step that reaches it throw, once: four takes stop at four different points.</summary>
    private sealed class FreezeOnce(params string[] points) : ICrashPoints
    {
        private readonly ConcurrentDictionary<string, bool> _left = new(points.Select(p => KeyValuePair.Create(p, true)));
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AllHit => _all.Task;

        public void Hit(string name)
        {
            if (!_left.TryRemove(name, out _))
                return;
            if (_left.IsEmpty)
                _all.TrySetResult();
            throw new SimulatedCrashException(name);
        }
    }
}

/// <summary>Runs only when <see cref="UpgradeFixtureGenerator.Variable"/> names the folder to make the fixture in.</summary>
public sealed class UpgradeFixtureFactAttribute : FactAttribute
{
    public UpgradeFixtureFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UpgradeFixtureGenerator.Variable)))
            Skip = $"Makes an upgrade fixture; set {UpgradeFixtureGenerator.Variable} to an empty folder to run it.";
    }
}

/// <summary>What a test needs to use a fixture (<c>fixture.json</c>): the users' password and the tokens' text.</summary>
public sealed class UpgradeFixtureFacts
{
    public const string FileName = "fixture.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Password { get; set; } = "";
    public string OwnerEmail { get; set; } = "";
    public string ReviewerEmail { get; set; } = "";
    public string ViewerEmail { get; set; } = "";
    public string ActiveToken { get; set; } = "";
    public string RevokedToken { get; set; } = "";
}
