using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>A measurement, not a check of behaviour: runs only with STUDIO_BENCH=1 (bench/composer-latency.sh).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STUDIO_BENCH") != "1")
            Skip = "A benchmark: run it with STUDIO_BENCH=1 (bench/composer-latency.sh).";
    }
}

/// <summary>
/// The composer's two budgets (docs/PERFORMANCE.md): from an edit in a field to the updated prompt preview in the
/// browser, p95 under 50 ms; and the server memory an idle composer circuit holds, against a minimal page of the
/// same app. The studio runs in this process (StudioTestHost), so its managed heap is measured directly.
/// </summary>
public class ComposerBenchmarks(BrowserFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture)
{
    const int Warmup = 20, Samples = 200, Circuits = 20;
    readonly IBrowser _browser = fixture.Browser;

    [BenchmarkFact]
    public async Task KeystrokeToPreviewP95IsUnder50Milliseconds()
    {
        await SignInAsync();
        await OpenAsync("/compose/playground");
        var scene = Page.GetByLabel("Scene description", new() { Exact = true });
        await scene.FillAsync("A lighthouse keeper climbs the stairs.");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("A lighthouse keeper climbs the stairs.");
        var field = await scene.ElementHandleAsync();

        // Each keystroke a word not yet on the page (the warm-up's differ from the samples'), timed in the page.
        for (var i = 0; i < Warmup; i++)
            Assert.True(await Keystroke.ToPreviewAsync(Page, field!, $" u{i}x") >= 0, "the preview never showed a warm-up keystroke");
        var samples = new double[Samples];
        for (var i = 0; i < Samples; i++)
            samples[i] = await Keystroke.ToPreviewAsync(Page, field!, $" w{i}x");
        Assert.DoesNotContain(-1, samples);
        Array.Sort(samples);

        double P(double q) => samples[(int)Math.Ceiling(q * samples.Length) - 1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"keystroke → preview over {Samples} edits: median {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {samples[^1]:0.0} ms"));
        Assert.True(P(0.95) < 50, $"p95 {P(0.95):0.0} ms is over the 50 ms budget.");
    }

    [BenchmarkFact]
    public async Task MemoryPerIdleComposerCircuitAgainstAMinimalPage()
    {
        var minimal = await PerCircuitAsync("/not-found");
        var composer = await PerCircuitAsync("/compose/playground");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap per idle circuit ({Circuits} circuits): minimal page {minimal / 1024:0} KB, composer {composer / 1024:0} KB, composer − minimal {(composer - minimal) / 1024:0} KB"));
        Assert.True(composer > 0);
    }

    async Task<double> PerCircuitAsync(string path)
    {
        var before = Heap();
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < Circuits; i++)
        {
            var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, BaseURL = Server.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            // Every page but the sign-in pages needs a signed-in user.
            await SignInAsync(page);
            await page.GotoAsync(path);
            await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null");
            contexts.Add(context);
        }
        await Task.Delay(1000);
        var after = Heap();
        foreach (var context in contexts)
            await context.DisposeAsync();
        // Let the server drop the disconnected circuits before the next measurement starts.
        await Task.Delay(2000);
        return (after - before) / Circuits;
    }

    static double Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
