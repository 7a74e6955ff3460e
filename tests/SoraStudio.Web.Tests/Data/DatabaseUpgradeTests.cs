using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Data;

/// <summary>
/// A data folder written by the EF Core 6 build (Fixtures/ef6-studio, see its README) opened by this build: the
/// migrations run, nothing is lost, and the studio keeps working on it over real HTTP with the in-process emulator.
/// </summary>
public sealed partial class DatabaseUpgradeTests
{
    [Fact]
    public async Task EveryRowAndClipOfAnEf6DatabaseIsKeptByTheMigration()
    {
        using var folder = CopyOfFixture();
        var database = Path.Combine(folder.Path, "studio.db");
        var before = DatabaseRows.Read(database);

        await using var app = StudioApp.Start(folder, settings: WorkerOff);

        // Every table keeps every row and column as it was; only the migration history may grow.
        var after = DatabaseRows.Read(database, before);
        foreach (var (table, rows) in before)
        {
            Assert.True(after[table].Count == rows.Count || table == "__EFMigrationsHistory", $"{table} has {after[table].Count} rows instead of {rows.Count}.");
            Assert.Equal(rows, after[table].Take(rows.Count));
        }
        await using var db = await app.DbAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var store = app.Get<ClipStore>();
        var files = await db.Clips.Select(c => new { c.RelativePath, c.Sha256 }).Concat(db.Assets.Select(a => new { a.RelativePath, a.Sha256 })).ToListAsync();
        Assert.Equal(14, files.Count);
        foreach (var file in files)
            Assert.True(await store.VerifyAsync(file.RelativePath, file.Sha256), $"{file.RelativePath} does not match its checksum.");
        Assert.Equal(Enum.GetValues<TakeStatus>().Order(), (await db.Takes.Select(t => t.Status).Distinct().ToListAsync()).Order());
        // Which provider the EF Core 6 build submitted to is not recorded anywhere: null, counted as the current one.
        Assert.All(await db.Takes.Select(t => t.Provider).ToListAsync(), Assert.Null);
    }

    [Fact]
    public async Task TheMigrationNumbersEachProjectsTakesInTheOrderTheyWereCreated()
    {
        using var folder = CopyOfFixture();
        await using var app = StudioApp.Start(folder, settings: WorkerOff);

        await using var db = await app.DbAsync();
        var takes = await db.Takes.AsNoTracking().Select(t => new { t.Id, t.ProjectId, t.CreatedAt, t.Number }).ToListAsync();
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.LastTakeNumber);
        Assert.Equal(13, takes.Count(t => t.ProjectId == takes.Min(x => x.ProjectId)));
        foreach (var project in takes.GroupBy(t => t.ProjectId))
        {
            var inOrder = project.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Number).ToList();
            Assert.Equal(Enumerable.Range(1, inOrder.Count), inOrder);
            Assert.Equal(inOrder.Count, projects[project.Key]);
        }
        Assert.All(projects.Where(p => takes.All(t => t.ProjectId != p.Key)), p => Assert.Equal(0, p.Value));
    }

    [Fact]
    public async Task TheFixturesPeopleSignInWithTheirPasswordsAndTokensListTheirWorkAndPlayItsClips()
    {
        using var folder = CopyOfFixture();
        var facts = Facts(folder);
        await using var app = StudioApp.Start(folder, settings: WorkerOff);

        await using var db = await app.DbAsync();
        var video = await db.Clips.Where(c => c.Variant == VideoVariant.Video && c.Take!.Status == TakeStatus.Ready).OrderBy(c => c.TakeId).FirstAsync();
        foreach (var email in new[] { facts.OwnerEmail, facts.ReviewerEmail, facts.ViewerEmail })
        {
            using var signedIn = await SignInAsync(app, email, facts.Password);
            Assert.True(signedIn is not null, $"{email} could not sign in with the password the EF Core 6 build stored.");
            Assert.Equal(4096, (await RangeAsync(signedIn, ClipEndpoint.Url(video.TakeId), "bytes=0-4095")).Length);
        }
        Assert.Null(await SignInAsync(app, facts.ViewerEmail, "not the password"));

        using var api = app.ClientWithToken(facts.ActiveToken);
        var projects = await ApiAssert.JsonAsync(await api.GetAsync("/api/v1/projects"));
        Assert.Equal(["Lighthouse", "Old pitch"], projects.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var lighthouse = projects[0].GetProperty("id").GetInt64();
        var takes = await ApiAssert.JsonAsync(await api.GetAsync($"/api/v1/projects/{lighthouse}/takes?pageSize=50"));
        Assert.Equal(13, takes.GetProperty("total").GetInt32());
        using var revoked = app.ClientWithToken(facts.RevokedToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/projects")).StatusCode);

        // The viewer plays a clip made by the EF Core 6 build, in two ranges as a browser's player asks for it.
        using var viewer = (await SignInAsync(app, facts.ViewerEmail, facts.Password))!;
        var head = await RangeAsync(viewer, ClipEndpoint.Url(video.TakeId), "bytes=0-4095");
        var rest = await RangeAsync(viewer, ClipEndpoint.Url(video.TakeId), "bytes=4096-");
        Assert.Equal(video.Bytes, head.Length + rest.Length);
        Assert.Equal(video.Sha256, Convert.ToHexStringLower(SHA256.HashData([.. head, .. rest])));
    }

    [Fact]
    public async Task TheTakesAnEf6StudioLeftInFlightAreResumedWithoutPayingTwiceAndNewTakesGenerate()
    {
        using var folder = CopyOfFixture();
        var facts = Facts(folder);
        var fixtureVideos = Directory.GetFiles(Path.Combine(folder.Path, "emulator", "jobs")).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        await using var app = StudioApp.Start(folder);
        var requests = app.Get<EmulatorRequestLog>();

        var takes = await WaitUntilAsync(app, all => all.Where(t => t.Id <= 13).All(t => !TakeStateMachine.IsActive(t.Status)));

        // What each take was when the EF Core 6 build stopped, and what the pipeline makes of it.
        Assert.Equal(
            [TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Failed, TakeStatus.Ready, TakeStatus.NeedsAttention, TakeStatus.Expired,
             TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Ready, TakeStatus.Canceled],
            takes.Select(t => t.Status));
        Assert.All(takes.Where(t => t.Status == TakeStatus.Ready), t => Assert.Equal(3, t.Clips.Count));
        // InProgress (8), Downloading (9) and the Submitting take whose create had arrived (10) keep their videos;
        // the Submitting take whose create never left (11) and the Queued one (12) are the only creates.
        Assert.All(takes.Where(t => t.Id is 8 or 9 or 10), t => Assert.Contains(t.VideoId, fixtureVideos));
        Assert.All(takes.Where(t => t.Id is 11 or 12), t => Assert.DoesNotContain(t.VideoId, fixtureVideos));
        Assert.Equal(2, requests.Count(EmulatorOperation.Create));
        // Takes submitted before providers were recorded resume at the current one; new submissions record it.
        Assert.All(takes.Where(t => t.Id is 8 or 9 or 10), t => Assert.Null(t.Provider));
        Assert.All(takes.Where(t => t.Id is 11 or 12), t => Assert.Equal(VideosProvider.BuiltInEmulator, t.Provider));
        // The Downloading take had its video already: only the two stills are fetched.
        Assert.Equal(2, requests.Count(EmulatorOperation.Content, takes.Single(t => t.Id == 9).VideoId!));
        var store = app.Get<ClipStore>();
        foreach (var clip in takes.SelectMany(t => t.Clips))
            Assert.True(await store.VerifyAsync(clip.RelativePath, clip.Sha256));

        using var api = app.ClientWithToken(facts.ActiveToken);
        var shot = takes.First().ShotId;
        var queued = await ApiAssert.JsonAsync(await api.PostAsJsonAsync($"/api/v1/shots/{shot}/generate", new { variations = 1 }), HttpStatusCode.Accepted);
        var newTake = queued.GetProperty("takeIds")[0].GetInt64();
        var done = await WaitUntilAsync(app, all => all.Single(t => t.Id == newTake).Status == TakeStatus.Ready);
        Assert.Equal(3, done.Single(t => t.Id == newTake).Clips.Count);
        Assert.Equal(3, requests.Count(EmulatorOperation.Create));
    }

    private static readonly Dictionary<string, string?> WorkerOff = new() { ["Studio:Generation:Enabled"] = "false" };

    private static TempFolder CopyOfFixture()
    {
        var folder = new TempFolder();
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ef6-studio");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return folder;
    }

    private static UpgradeFixtureFacts Facts(TempFolder folder) =>
        JsonSerializer.Deserialize<UpgradeFixtureFacts>(File.ReadAllText(Path.Combine(folder.Path, UpgradeFixtureFacts.FileName)), UpgradeFixtureFacts.Json)!;

    /// <summary>Signs in through the sign-in form, as a browser does; null when the studio refuses.</summary>
    private static async Task<HttpClient?> SignInAsync(StudioApp app, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var form = await http.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            http.Dispose();
            return null;
        }
        return http;
    }

    private static async Task<byte[]> RangeAsync(HttpClient http, string url, string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = RangeHeaderValue.Parse(range);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<List<Take>> WaitUntilAsync(StudioApp app, Func<List<Take>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await app.DbAsync();
            var takes = await db.Takes.AsNoTracking().Include(t => t.Clips).OrderBy(t => t.Id).ToListAsync();
            if (done(takes))
                return takes;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Takes did not reach the expected states in time:\n" + StoredTakes.Describe(takes));
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
