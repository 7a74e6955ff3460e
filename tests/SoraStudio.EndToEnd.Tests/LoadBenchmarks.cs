using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using Xunit.Abstractions;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// Load and faults (docs/PERFORMANCE.md, bench/load-and-faults.sh): 50 signed-in browser sessions — half typing in
/// a composer, half searching the gallery — while 20 takes generate against the emulator with faults switched on;
/// then the studio is stopped in the middle and started again on the same data, the sessions reload, and the same
/// checks run: p95 interaction latency, managed memory per circuit, errors, and every take finished exactly once.
/// </summary>
public sealed class LoadBenchmarks(ITestOutputHelper output)
{
    const int Sessions = 50, Interactions = 10, GeneratedShots = 5, Variations = 4;
    const string Composer = "composer", Gallery = "gallery";

    static readonly Dictionary<string, string?> Faults = new()
    {
        // Slower renders than the other end-to-end tests, so that the restart lands while takes are in flight.
        ["Emulator:RenderSecondsPerVideoSecond"] = "3",
        ["Emulator:Faults:RateLimitRate"] = "0.2",
        ["Emulator:Faults:RetryAfterSeconds"] = "1",
        ["Emulator:Faults:ServerErrorRate"] = "0.05",
        ["Emulator:Faults:SlowResponseRate"] = "0.1",
        ["Emulator:Faults:SlowResponseDelay"] = "00:00:00.300",
        ["Emulator:Faults:DropDownloadRate"] = "0.3",
        ["Emulator:Faults:Seed"] = "7",
    };

    readonly ConcurrentBag<(string Kind, double Ms)> _latencies = [];
    readonly ConcurrentBag<string> _errors = [];
    volatile bool _restarting;

    [BenchmarkFact]
    public async Task FiftySessionsWhileTwentyTakesGenerateWithFaultsAndARestart()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("sora-load-").FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        try
        {
            var server = new StudioServer(Faults, data, port);
            var (projectId, generatedShots, draftShots) = await SeedAsync(server);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"emulator: {server.Services.GetRequiredService<IOptions<EmulatorOptions>>().Value.RenderSecondsPerVideoSecond} s of render per clip second"));
            var heapBefore = Heap();
            var sessions = await OpenSessionsAsync(browser, server, projectId, draftShots);
            var heapPerCircuit = (Heap() - heapBefore) / Sessions;
            await GenerateAsync(server, generatedShots);

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(sessions.Select(s => InteractAsync(s, Interactions)));
            var firstRound = clock.Elapsed;
            var inFlight = await CountUnfinishedAsync(server);

            // Stop the studio in the middle of generation, start it again on the same data and address.
            _restarting = true;
            await server.DisposeAsync();
            server = new StudioServer(Faults, data, port);
            foreach (var session in sessions)
                await OpenAsync(session.Page, session.Path);
            _restarting = false;
            await Task.WhenAll(sessions.Select(s => InteractAsync(s, Interactions)));

            var takes = await WaitUntilFinishedAsync(server, GeneratedShots * Variations, TimeSpan.FromMinutes(5));
            var jobs = server.Services.GetRequiredService<EmulatorJobs>().List();
            foreach (var session in sessions)
                await session.Context.DisposeAsync();
            await server.DisposeAsync();

            Report(firstRound, inFlight, heapPerCircuit, takes, jobs.Count);
            Assert.Equal(GeneratedShots * Variations, takes.Count);
            Assert.All(takes, t => Assert.True(t.Status is TakeStatus.Ready or TakeStatus.NeedsAttention, $"take {t.Id} ended {t.Status}"));
            // One paid create per take at most, and no video adopted by two takes.
            Assert.Equal(takes.Count(t => t.VideoId is not null), jobs.Count);
            Assert.Equal(jobs.Count, takes.Where(t => t.VideoId is not null).Select(t => t.VideoId).Distinct().Count());
            Assert.Empty(_errors);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    sealed record Session(IBrowserContext Context, IPage Page, string Kind, string Path, int Index);

    static async Task GenerateAsync(StudioServer server, List<long> shots)
    {
        await using var scope = await server.ScopeAsAsync();
        foreach (var shotId in shots)
            await scope.ServiceProvider.GetRequiredService<GenerationService>().GenerateAsync(shotId, Variations);
    }

    static async Task<(long ProjectId, List<long> GeneratedShots, List<long> DraftShots)> SeedAsync(StudioServer server)
    {
        await using var scope = await server.ScopeAsAsync();
        var services = scope.ServiceProvider;
        var projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput("Load test"));
        var shots = services.GetRequiredService<ShotService>();
        var generated = new List<long>();
        for (var i = 0; i < GeneratedShots; i++)
        {
            var spec = ShotSpec.Empty with
            {
                Model = "sora-2", Size = "1280x720", Seconds = 4, Style = "35 mm film, warm tungsten light",
                Scene = $"Scene word{i}: a lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
            };
            generated.Add(await shots.AddAsync(projectId, $"Generated {i}", spec));
        }
        var drafts = new List<long>();
        for (var i = 0; i < Sessions / 2; i++)
            drafts.Add(await shots.AddAsync(projectId, $"Draft {i}", ShotSpec.Empty with { Style = "35 mm film", Scene = "A quiet harbour at dawn." }));
        return (projectId, generated, drafts);
    }

    async Task<List<Session>> OpenSessionsAsync(IBrowser browser, StudioServer server, long projectId, List<long> draftShots)
    {
        // Sign in once; every session starts from that cookie, as one team member per browser would.
        var first = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        var signIn = await first.NewPageAsync();
        await signIn.GotoAsync("/account/login");
        await signIn.GetByLabel("Email", new() { Exact = true }).FillAsync(StudioServer.OwnerEmail);
        await signIn.GetByLabel("Password", new() { Exact = true }).FillAsync(StudioServer.OwnerPassword);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/account/login"));
        var state = await first.StorageStateAsync();
        await first.DisposeAsync();

        var sessions = new List<Session>();
        for (var i = 0; i < Sessions; i++)
        {
            var kind = i % 2 == 0 ? Composer : Gallery;
            var path = kind == Composer ? $"/projects/{projectId}/shots/{draftShots[i / 2]}" : $"/projects/{projectId}/gallery";
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = server.BaseAddress.ToString(), StorageState = state });
            var page = await context.NewPageAsync();
            var index = i;
            page.Console += (_, m) => { if (m.Type == "error" && !_restarting) _errors.Add($"session {index} console: {m.Text}"); };
            page.PageError += (_, e) => { if (!_restarting) _errors.Add($"session {index} page error: {e}"); };
            page.Response += (_, r) => { if (r.Status >= 500 && !_restarting) _errors.Add($"session {index}: HTTP {r.Status} {r.Url}"); };
            await OpenAsync(page, path);
            sessions.Add(new Session(context, page, kind, path, i));
        }
        return sessions;
    }

    static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null", null, new() { Timeout = 60_000 });
    }

    async Task InteractAsync(Session session, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var ms = session.Kind == Composer ? await TypeAsync(session.Page, $" w{session.Index}x{i}") : await SearchAsync(session.Page, $"word{i % GeneratedShots}", $"Generated {i % GeneratedShots}");
            if (ms < 0)
                _errors.Add($"session {session.Index}: a {session.Kind} interaction showed no result within 30 s");
            else
                _latencies.Add((session.Kind, ms));
            await Task.Delay(200);
        }
    }

    /// <summary>A word typed at the end of the scene until the prompt preview shows it.</summary>
    static async Task<double> TypeAsync(IPage page, string word)
    {
        var field = await page.GetByLabel("Scene description", new() { Exact = true }).ElementHandleAsync();
        return await page.EvaluateAsync<double>("""
            async ([area, word]) => {
                const shown = new Promise(resolve => {
                    const observer = new MutationObserver(() => {
                        if (document.querySelector('pre.composer-prompt')?.textContent.includes(word)) { observer.disconnect(); resolve(); }
                    });
                    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
                });
                const started = performance.now();
                area.value += word;
                area.dispatchEvent(new Event('input', { bubbles: true }));
                return await Promise.race([shown.then(() => performance.now() - started), new Promise(r => setTimeout(() => r(-1), 30000))]);
            }
            """, new object[] { field!, word });
    }

    /// <summary>A prompt search submitted until every tile shown is a take of the shot searched for (its subtitle).</summary>
    static async Task<double> SearchAsync(IPage page, string word, string shotTitle)
    {
        var field = await page.GetByLabel("Search prompts", new() { Exact = true }).ElementHandleAsync();
        return await page.EvaluateAsync<double>("""
            async ([input, word, shotTitle]) => {
                const tiles = () => [...document.querySelectorAll('article[aria-label^="Take "]')];
                const matches = () => { const t = tiles(); return t.length > 0 && t.every(a => a.textContent.includes(shotTitle)); };
                const started = performance.now();
                const shown = new Promise(resolve => {
                    const observer = new MutationObserver(() => { if (matches()) { observer.disconnect(); resolve(); } });
                    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
                });
                input.value = word;
                input.dispatchEvent(new Event('input', { bubbles: true }));
                input.form.requestSubmit();
                return await Promise.race([shown.then(() => performance.now() - started), new Promise(r => setTimeout(() => r(-1), 30000))]);
            }
            """, new object[] { field!, word, shotTitle });
    }

    static async Task<int> CountUnfinishedAsync(StudioServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Takes.CountAsync(t => t.Status != TakeStatus.Ready && t.Status != TakeStatus.NeedsAttention && t.Status != TakeStatus.Failed);
    }

    static async Task<List<Take>> WaitUntilFinishedAsync(StudioServer server, int expected, TimeSpan timeout)
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var takes = await db.Takes.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            if (takes.Count == expected && takes.All(t => t.Status is TakeStatus.Ready or TakeStatus.NeedsAttention or TakeStatus.Failed or TakeStatus.Expired or TakeStatus.Canceled))
                return takes;
            if (clock.Elapsed > timeout)
                return takes;
            await Task.Delay(500);
        }
    }

    void Report(TimeSpan firstRound, int inFlight, double heapPerCircuit, List<Take> takes, int jobs)
    {
        string Line(string kind)
        {
            var samples = _latencies.Where(l => kind == "all" || l.Kind == kind).Select(l => l.Ms).Order().ToArray();
            double P(double q) => samples[Math.Max(0, (int)Math.Ceiling(q * samples.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"{kind}: {samples.Length} interactions, median {P(0.5):0} ms, p95 {P(0.95):0} ms, max {samples[^1]:0} ms");
        }
        output.WriteLine(Line(Composer));
        output.WriteLine(Line(Gallery));
        output.WriteLine(Line("all"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap per circuit: {heapPerCircuit / 1024:0} KB ({Sessions} sessions)"));
        output.WriteLine($"first round {firstRound.TotalSeconds:0.0} s; takes unfinished at the restart: {inFlight}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"last take finished {(takes.Max(t => t.CompletedAt) - takes.Min(t => t.CreatedAt))?.TotalSeconds:0.0} s after the first was queued"));
        output.WriteLine($"takes: {string.Join(", ", takes.GroupBy(t => t.Status).Select(g => $"{g.Count()} {g.Key}"))}; emulator jobs (paid creates): {jobs}; attempts: {takes.Sum(t => t.Attempts)}");
        output.WriteLine($"errors: {_errors.Count}");
        foreach (var error in _errors.Take(10))
            output.WriteLine("  " + error);
    }

    static double Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
