using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// Load and faults (docs/PERFORMANCE.md, bench/load-and-faults.sh): the published studio and the standalone emulator
/// run as their own processes, as deployed (docker-compose's emulator profile); 50 signed-in browser sessions — half
/// typing in a composer, half searching the gallery — work while 20 takes generate with the emulator's faults on;
/// half-way the studio is killed (SIGKILL, no shutdown code runs) and started again on the same data, the sessions
/// reload, and the same checks run: p95 interaction latency, memory per session, errors, and every take finished
/// exactly once (one paid create each, no video adopted twice).
/// </summary>
public sealed partial class LoadBenchmarks(ITestOutputHelper output)
{
    const int Sessions = 50, Interactions = 10, GeneratedShots = 5, Variations = 4;
    const string Composer = "composer", Gallery = "gallery", EmulatorKey = "load-test-key";

    static readonly Dictionary<string, string> EmulatorSettings = new()
    {
        // Slower renders than the other end-to-end tests, so that the kill lands while takes are in flight.
        ["Emulator__RenderSecondsPerVideoSecond"] = "3",
        ["Emulator__QueueDelayMs"] = "200",
        ["Emulator__PollAfterMs"] = "1000",
        ["Emulator__Media__UseFfmpeg"] = "false",
        ["Emulator__Faults__RateLimitRate"] = "0.2",
        ["Emulator__Faults__RetryAfterSeconds"] = "1",
        ["Emulator__Faults__ServerErrorRate"] = "0.05",
        ["Emulator__Faults__SlowResponseRate"] = "0.1",
        ["Emulator__Faults__SlowResponseDelay"] = "00:00:00.300",
        ["Emulator__Faults__DropDownloadRate"] = "0.3",
        ["Emulator__Faults__Seed"] = "7",
    };

    // The pause between one person's interactions: a word typed about every second (about 60 words a minute), a
    // search every 3 s (type, look at the results). STUDIO_LOAD_PAUSE_MS sets both, e.g. 200 for a stress run.
    static readonly TimeSpan ComposerPause = Pause(1000), GalleryPause = Pause(3000);

    static TimeSpan Pause(int defaultMs) => TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("STUDIO_LOAD_PAUSE_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : defaultMs);

    readonly ConcurrentBag<(string Kind, int Round, double Ms, double At, bool First)> _latencies = [];
    readonly Stopwatch _clock = new();
    readonly ConcurrentBag<string> _errors = [];
    volatile bool _restarting;

    [BenchmarkFact]
    public async Task FiftySessionsWhileTwentyTakesGenerateWithFaultsAndAKill()
    {
        var published = PublishedApp.PublishedFolder();
        var work = Directory.CreateTempSubdirectory("sora-load-").FullName;
        var (emulatorPort, studioPort) = (FreePort(), FreePort());
        var emulatorSettings = new Dictionary<string, string>(EmulatorSettings)
        {
            ["Emulator__ApiKey"] = EmulatorKey,
            ["Emulator__DataPath"] = Path.Combine(work, "emulator"),
        };
        var studioSettings = new Dictionary<string, string>
        {
            ["Studio__DataPath"] = Path.Combine(work, "studio"),
            ["Studio__Owner__Email"] = StudioTestHost.OwnerEmail,
            ["Studio__Owner__Password"] = StudioTestHost.OwnerPassword,
            ["Studio__Owner__DisplayName"] = StudioTestHost.OwnerName,
            ["OPENAI_API_KEY"] = EmulatorKey,
            ["Sora__BaseUrl"] = $"http://127.0.0.1:{emulatorPort}/v1",
            ["Studio__Generation__IdleDelay"] = "00:00:00.500",
            ["Studio__Generation__PollInterval"] = "00:00:01",
            ["Studio__Generation__MaxPollInterval"] = "00:00:02",
            ["Studio__Generation__SubmitSettleTime"] = "00:00:10",
            ["Studio__Diagnostics__TimingsLogInterval"] = "00:00:10",
        };
        Task<PublishedApp> StartStudioAsync() => PublishedApp.StartAsync(Path.Combine(published, "studio"), "SoraStudio.Web.dll", studioPort, "/health/ready", studioSettings, Path.Combine(work, "studio.log"));

        await using var emulator = await PublishedApp.StartAsync(Path.Combine(published, "emulator"), "SoraStudio.Emulator.dll", emulatorPort, "/", emulatorSettings, Path.Combine(work, "emulator.log"));
        var studio = await StartStudioAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = LowPriorityBrowser(work),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var passed = false;
        try
        {
            var (state, token) = await SignInAsync(browser, studio.BaseAddress);
            using var api = new HttpClient { BaseAddress = new Uri(studio.BaseAddress, "api/v1/") };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var (projectId, generatedShots, draftShots) = await SeedAsync(api);

            // One composer and one gallery opened and closed first, so that the memory measured is the sessions', not first-use code.
            await WarmUpAsync(browser, studio.BaseAddress, state, projectId, draftShots[0]);
            var memoryBefore = studio.ResidentBytes;
            var sessions = await OpenSessionsAsync(browser, studio.BaseAddress, state, projectId, draftShots);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var memoryPerSession = (studio.ResidentBytes - memoryBefore) / (double)Sessions;

            var cpu = new List<(string Phase, CpuMeter Meter)> { ("round 1", new CpuMeter(studio, emulator)) };
            foreach (var shotId in generatedShots)
                (await api.PostAsJsonAsync($"shots/{shotId}/generate", new { variations = Variations })).EnsureSuccessStatusCode();

            _clock.Start();
            await Task.WhenAll(sessions.Select(s => InteractAsync(s, Interactions, round: 1)));
            var firstRound = _clock.Elapsed;
            var atKill = await TakeStatesAsync(api, projectId);
            cpu[^1].Meter.Stop(studio);

            // Kill the studio in the middle of generation, start it again on the same data and address.
            _restarting = true;
            cpu.Add(("kill, restart, 50 reloads", new CpuMeter(studio, emulator)));
            await studio.KillAsync();
            var downtime = Stopwatch.StartNew();
            studio = await StartStudioAsync();
            cpu[^1].Meter.Track(studio);
            var restartedIn = downtime.Elapsed;
            foreach (var session in sessions)
                await session.OpenAsync();
            _restarting = false;
            cpu[^1].Meter.Stop(studio);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"killed at {firstRound.TotalSeconds:0} s, every page reloaded at {_clock.Elapsed.TotalSeconds:0} s"));
            cpu.Add(("round 2", new CpuMeter(studio, emulator)));
            await Task.WhenAll(sessions.Select(s => InteractAsync(s, Interactions, round: 2)));
            cpu[^1].Meter.Stop(studio);
            var takes = await WaitUntilFinishedAsync(api, projectId, GeneratedShots * Variations, TimeSpan.FromMinutes(5));
            foreach (var session in sessions)
                await session.Context.DisposeAsync();
            var jobs = await EmulatorJobsAsync(emulator.BaseAddress);

            Report(firstRound, atKill, restartedIn, memoryPerSession, cpu, takes, jobs);
            var studioLog = File.ReadAllText(Path.Combine(work, "studio.log"));
            output.WriteLine(ServerTimings(studioLog));
            foreach (var slowest in SlowestComponents().Matches(studioLog).Select(m => m.Value).Distinct().Take(12))
                output.WriteLine("  " + slowest);
            Assert.Equal(GeneratedShots * Variations, takes.Count);
            Assert.All(takes, t => Assert.True(t.Status is "ready" or "needsAttention", $"take {t.Id} ended {t.Status}"));
            // One paid create per take at most, and no video adopted by two takes.
            Assert.Equal(takes.Count(t => t.VideoId is not null), jobs.Count);
            Assert.Equal(jobs.Count, takes.Where(t => t.VideoId is not null).Select(t => t.VideoId).Distinct().Count());
            Assert.All(takes.Where(t => t.VideoId is not null), t => Assert.Contains(t.VideoId!, jobs));
            Assert.Empty(_errors);
            passed = true;
        }
        finally
        {
            await studio.DisposeAsync();
            output.WriteLine(passed ? "" : $"logs kept in {work}");
            if (passed)
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>One person's browser on one page; <see cref="Field"/> is the input they use, found by its label when the page opens.</summary>
    sealed class Session(IBrowserContext context, IPage page, string kind, string path, int index)
    {
        public IBrowserContext Context => context;
        public IPage Page => page;
        public string Kind => kind;
        public string Path => path;
        public int Index => index;
        public IElementHandle? Field { get; private set; }

        public async Task OpenAsync()
        {
            await LoadBenchmarks.OpenAsync(page, path);
            Field = await page.GetByLabel(kind == Composer ? "Scene description" : "Search prompts", new() { Exact = true }).ElementHandleAsync();
        }
    }

    sealed record TakeState(long Id, string Status, string? VideoId, int Attempts);

    /// <summary>Signs the owner in and makes an API token on the tokens page, as a user scripting the studio would.</summary>
    static async Task<(string State, string Token)> SignInAsync(IBrowser browser, Uri studio)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = studio.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(StudioTestHost.OwnerEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(StudioTestHost.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await OpenAsync(page, "/account/tokens");
        await page.GetByLabel("Token name", new() { Exact = true }).FillAsync("Load test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.GetByLabel("New token", new() { Exact = true }).InputValueAsync();
        return (await context.StorageStateAsync(), token);
    }

    static async Task<(long ProjectId, List<long> GeneratedShots, List<long> DraftShots)> SeedAsync(HttpClient api)
    {
        var projectId = await IdOfAsync(api.PostAsJsonAsync("projects", new { name = "Load test" }));
        var generated = new List<long>();
        for (var i = 0; i < GeneratedShots; i++)
            generated.Add(await IdOfAsync(api.PostAsJsonAsync($"projects/{projectId}/shots", new
            {
                title = $"Generated {i}",
                spec = new
                {
                    model = "sora-2", size = "1280x720", seconds = 4, style = "35 mm film, warm tungsten light",
                    scene = $"Scene word{i}: a lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
                },
            })));
        var drafts = new List<long>();
        for (var i = 0; i < Sessions / 2; i++)
            drafts.Add(await IdOfAsync(api.PostAsJsonAsync($"projects/{projectId}/shots", new
            {
                title = $"Draft {i}",
                spec = new { model = "sora-2", size = "1280x720", seconds = 4, style = "35 mm film", scene = "A quiet harbour at dawn." },
            })));
        return (projectId, generated, drafts);
    }

    static async Task<long> IdOfAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    static async Task WarmUpAsync(IBrowser browser, Uri studio, string state, long projectId, long shotId)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = studio.ToString(), StorageState = state });
        var page = await context.NewPageAsync();
        await OpenAsync(page, $"/projects/{projectId}/shots/{shotId}");
        await OpenAsync(page, $"/projects/{projectId}/gallery");
    }

    async Task<List<Session>> OpenSessionsAsync(IBrowser browser, Uri studio, string state, long projectId, List<long> draftShots)
    {
        var sessions = new List<Session>();
        for (var i = 0; i < Sessions; i++)
        {
            var kind = i % 2 == 0 ? Composer : Gallery;
            var path = kind == Composer ? $"/projects/{projectId}/shots/{draftShots[i / 2]}" : $"/projects/{projectId}/gallery";
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = studio.ToString(), StorageState = state });
            var page = await context.NewPageAsync();
            var index = i;
            page.Console += (_, m) => { if (m.Type == "error" && !_restarting) _errors.Add($"session {index} console: {m.Text}"); };
            page.PageError += (_, e) => { if (!_restarting) _errors.Add($"session {index} page error: {e}"); };
            page.Response += (_, r) => { if (r.Status >= 500 && !_restarting) _errors.Add($"session {index}: HTTP {r.Status} {r.Url}"); };
            var session = new Session(context, page, kind, path, i);
            await session.OpenAsync();
            sessions.Add(session);
        }
        return sessions;
    }

    static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null", null, new() { Timeout = 60_000 });
    }

    async Task InteractAsync(Session session, int count, int round)
    {
        var pause = session.Kind == Composer ? ComposerPause : GalleryPause;
        // People do not act in step: each session starts at a random point of its first pause.
        await Task.Delay(new Random(session.Index * 31 + round).Next((int)pause.TotalMilliseconds));
        for (var i = 0; i < count; i++)
        {
            double ms;
            try
            {
                ms = session.Kind == Composer
                    ? await Keystroke.ToPreviewAsync(session.Page, session.Field!, $" w{session.Index}x{round}x{i}")
                    : await SearchAsync(session.Page, session.Field!, $"word{i % GeneratedShots}", $"Generated {i % GeneratedShots}");
            }
            catch (TimeoutException e)
            {
                await session.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"sora-load-session-{session.Index}-round-{round}.png") });
                _errors.Add($"session {session.Index} round {round}: {e.Message.Split('\n')[0]} (screenshot in {Path.GetTempPath()})");
                return;
            }
            if (ms < 0)
                _errors.Add($"session {session.Index} round {round}: a {session.Kind} interaction showed no result within 30 s");
            else
                _latencies.Add((session.Kind, round, ms, _clock.Elapsed.TotalSeconds, First: i == 0));
            await Task.Delay(pause);
        }
    }

    /// <summary>A prompt search submitted until every tile shown is a take of the shot searched for (its subtitle).</summary>
    static async Task<double> SearchAsync(IPage page, IElementHandle field, string word, string shotTitle)
    {
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
            """, new object[] { field, word, shotTitle });
    }

    static async Task<List<TakeState>> TakeStatesAsync(HttpClient api, long projectId)
    {
        var page = JsonDocument.Parse(await api.GetStringAsync($"projects/{projectId}/takes?pageSize=100")).RootElement;
        var takes = new List<TakeState>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var details = JsonDocument.Parse(await api.GetStringAsync($"takes/{item.GetProperty("id").GetInt64()}")).RootElement;
            var take = details.GetProperty("take");
            takes.Add(new TakeState(take.GetProperty("id").GetInt64(), take.GetProperty("status").GetString()!,
                details.GetProperty("videoId").GetString(), details.GetProperty("attempts").GetInt32()));
        }
        return takes;
    }

    static async Task<List<TakeState>> WaitUntilFinishedAsync(HttpClient api, long projectId, int expected, TimeSpan timeout)
    {
        string[] finished = ["ready", "needsAttention", "failed", "expired", "canceled"];
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var takes = await TakeStatesAsync(api, projectId);
            if ((takes.Count == expected && takes.All(t => finished.Contains(t.Status))) || clock.Elapsed > timeout)
                return takes;
            await Task.Delay(1000);
        }
    }

    /// <summary>The ids of every video the emulator was asked to make: each one a paid create.</summary>
    static async Task<List<string>> EmulatorJobsAsync(Uri emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorKey);
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = JsonDocument.Parse(await WithRetriesAsync(() => http.GetAsync($"v1/videos?limit=100{(after is null ? "" : "&after=" + after)}"))).RootElement;
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
            if (!page.GetProperty("has_more").GetBoolean())
                return ids;
            after = ids[^1];
        }
    }

    /// <summary>The body of a successful answer; the emulator's injected 429s and 500s are waited out, as the studio does.</summary>
    static async Task<string> WithRetriesAsync(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await request();
            if (response.IsSuccessStatusCode || attempt == 20)
                return await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>CPU time of the studio (across its restart), the emulator, the browsers, this test process and the whole machine.</summary>
    sealed class CpuMeter
    {
        readonly PublishedApp _emulator;
        readonly TimeSpan _emulatorStart, _browsersStart, _testStart;
        readonly (TimeSpan Busy, TimeSpan Total) _machineStart;
        readonly Stopwatch _wall = Stopwatch.StartNew();
        TimeSpan _studioStart;
        string? _summary;

        public CpuMeter(PublishedApp studio, PublishedApp emulator)
        {
            _emulator = emulator;
            _emulatorStart = emulator.CpuTime;
            _browsersStart = PublishedApp.CpuTimeOfProcessesNamed("chromium");
            _testStart = TestProcessCpu();
            _machineStart = PublishedApp.MachineCpu();
            Track(studio);
        }

        /// <summary>Counts the studio's CPU from now on (the one started again after the kill: the killed one's time is lost with it).</summary>
        public void Track(PublishedApp studio) => _studioStart = studio.CpuTime;

        /// <summary>Ends the measurement (before the browsers close their pages).</summary>
        public void Stop(PublishedApp studio)
        {
            var studioCpu = studio.CpuTime - _studioStart;
            var wall = _wall.Elapsed.TotalSeconds;
            var machine = PublishedApp.MachineCpu();
            string Share(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s ({t.TotalSeconds / wall / Environment.ProcessorCount:P0})");
            _summary = string.Create(CultureInfo.InvariantCulture,
                $"CPU over {wall:0} s on {Environment.ProcessorCount} cores: machine busy {(machine.Busy - _machineStart.Busy) / (machine.Total - _machineStart.Total):P0}; studio {Share(studioCpu)}, ") +
                $"browsers {Share(PublishedApp.CpuTimeOfProcessesNamed("chromium") - _browsersStart)}, emulator {Share(_emulator.CpuTime - _emulatorStart)}, " +
                $"test runner and Playwright {Share(TestProcessCpu() - _testStart)}";
        }

        public string Summary() => _summary ?? "CPU: not measured";

        static TimeSpan TestProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime + PublishedApp.CpuTimeOfProcessesNamed("node");
    }

    void Report(TimeSpan firstRound, List<TakeState> atKill, TimeSpan restartedIn, double memoryPerSession, List<(string Phase, CpuMeter Meter)> cpu, List<TakeState> takes, List<string> jobs)
    {
        string Line(string label, Func<(string Kind, int Round, double Ms, double At, bool First), bool> where)
        {
            var samples = _latencies.Where(where).Select(l => l.Ms).Order().ToArray();
            if (samples.Length == 0)
                return $"{label}: no interactions";
            double P(double q) => samples[Math.Max(0, (int)Math.Ceiling(q * samples.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"{label}: {samples.Length} interactions, median {P(0.5):0} ms, p95 {P(0.95):0} ms, max {samples[^1]:0} ms");
        }
        output.WriteLine(Line(Composer, l => l.Kind == Composer));
        output.WriteLine(Line(Gallery, l => l.Kind == Gallery));
        output.WriteLine(Line("all", _ => true));
        foreach (var round in new[] { 1, 2 })
            output.WriteLine(Line($"all round {round}", l => l.Round == round));
        // A page's first interaction pays for code its browser and the circuit have not run yet (after the restart, the studio's too).
        output.WriteLine(Line("first interaction on each page", l => l.First));
        output.WriteLine(Line("the others", l => !l.First));
        output.WriteLine($"pauses: composer {ComposerPause.TotalMilliseconds} ms, gallery {GalleryPause.TotalMilliseconds} ms");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"studio resident memory per session: {memoryPerSession / 1024:0} KB ({Sessions} sessions)"));
        foreach (var (phase, meter) in cpu)
            output.WriteLine($"{phase}: {meter.Summary()}");
        // Where the slowest 5 % fell, by 10 s of the run (round 1 starts at 0 s): bursts show as crowded windows.
        var slow = _latencies.OrderByDescending(l => l.Ms).Take(Math.Max(1, _latencies.Count / 20)).ToList();
        output.WriteLine("slowest 5 % by time: " + string.Join(", ", slow.GroupBy(l => (int)(l.At / 10) * 10).OrderBy(g => g.Key).Select(g => $"{g.Key}–{g.Key + 10} s: {g.Count()}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first round {firstRound.TotalSeconds:0.0} s; at the kill: {string.Join(", ", atKill.GroupBy(t => t.Status).Select(g => $"{g.Count()} {g.Key}"))}; restarted and ready in {restartedIn.TotalSeconds:0.0} s"));
        output.WriteLine($"takes: {string.Join(", ", takes.GroupBy(t => t.Status).Select(g => $"{g.Count()} {g.Key}"))}; emulator jobs (paid creates): {jobs.Count}; attempts: {takes.Sum(t => t.Attempts)}");
        output.WriteLine($"errors: {_errors.Count}");
        foreach (var error in _errors.Take(10))
            output.WriteLine("  " + error);
    }

    /// <summary>
    /// Chromium started at the lowest CPU priority (nice 19; its renderers inherit it). People's browsers run on their
    /// own machines; here 50 of them share the studio's two cores, and at equal priority the kernel's fair share gives
    /// the studio's few threads a fiftieth of the machine whenever the browsers are busy. Lowered, the browsers still
    /// compete with one another — so the latency measured in them includes that — but no longer take the studio's CPU.
    /// </summary>
    static string LowPriorityBrowser(string work)
    {
        var script = Path.Combine(work, "chromium-nice.sh");
        File.WriteAllText(script, $"#!/bin/sh\nexec nice -n 19 {BrowserFixture.ChromiumPath} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    /// <summary>The studio's own share, from its "Server timings" log lines (Studio:Diagnostics:TimingsLogInterval).</summary>
    static string ServerTimings(string log)
    {
        var windows = ServerTimingsLine().Matches(log).Select(m => m.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray()).ToList();
        if (windows.Count == 0)
            return "server timings: none logged";
        return string.Create(CultureInfo.InvariantCulture,
            $"server timings ({windows.Count} windows of 10 s): {windows.Sum(w => w[0]):0} browser events, p95 per window {windows.Min(w => w[2]):0.0}–{windows.Max(w => w[2]):0.0} ms, max {windows.Max(w => w[3]):0.0} ms; ") +
            string.Create(CultureInfo.InvariantCulture,
            $"{windows.Sum(w => w[4]):0} render batches delivered (acknowledged by the browser), p95 per window {windows.Min(w => w[6]):0.0}–{windows.Max(w => w[6]):0.0} ms, max {windows.Max(w => w[7]):0.0} ms");
    }

    [GeneratedRegex(@"slowest events: .*")]
    private static partial Regex SlowestComponents();

    [GeneratedRegex(@"(\d+) browser events handled in median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms; (\d+) render batches delivered in median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms")]
    private static partial Regex ServerTimingsLine();

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
