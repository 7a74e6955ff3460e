using System.Diagnostics;
using System.Globalization;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// A published app (the studio or the standalone emulator, as <c>scripts/publish.sh</c> lays them out) running as its
/// own process, started the way the container image starts it, so that it can be killed outright (SIGKILL) and
/// measured from outside: resident memory and CPU time from <c>/proc</c>. Its output goes to a log file.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;

    public string LogPath { get; }

    public Uri BaseAddress { get; }

    private PublishedApp(Process process, Uri baseAddress, string logPath) => (_process, BaseAddress, LogPath) = (process, baseAddress, logPath);

    /// <summary>The folder <c>bench/load-and-faults.sh</c> published into (env <c>STUDIO_PUBLISHED</c>), with studio/ and emulator/.</summary>
    public static string PublishedFolder() =>
        Environment.GetEnvironmentVariable("STUDIO_PUBLISHED") is { Length: > 0 } folder && Directory.Exists(Path.Combine(folder, "studio"))
            ? folder
            : throw new InvalidOperationException("STUDIO_PUBLISHED names no published studio: run bench/load-and-faults.sh, which publishes one (scripts/publish.sh).");

    /// <summary>Starts <paramref name="dll"/> in <paramref name="folder"/> on <paramref name="port"/> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<PublishedApp> StartAsync(string folder, string dll, int port, string readyPath, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var start = new ProcessStartInfo("dotnet", dll)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new object();
        void Write(string? line) { if (line is not null) lock (gate) log.WriteLine(line); }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (gate) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new PublishedApp(process, new Uri($"http://127.0.0.1:{port}/"), logPath);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"dotnet {dll} exited with {process.ExitCode}; see {logPath}.");
            try
            {
                if ((await http.GetAsync(readyPath)).IsSuccessStatusCode)
                    return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"dotnet {dll} did not answer {readyPath} within 90 s; see {logPath}.");
    }

    /// <summary>Resident memory now, in bytes.</summary>
    public long ResidentBytes => ProcStatus(_process.Id, "VmRSS:");

    /// <summary>CPU time used so far (user + system).</summary>
    public TimeSpan CpuTime => ProcessCpu(_process.Id);

    /// <summary>SIGKILL: no shutdown code runs, as when a machine loses power or the kernel's OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (the container's stop), then SIGKILL if it has not exited within 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    /// <summary>
    /// CPU time of the processes whose command name starts with <paramref name="name"/>, e.g. the browsers, including
    /// their children that have exited (a browser's renderers come and go with its pages).
    /// </summary>
    public static TimeSpan CpuTimeOfProcessesNamed(string name)
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid))
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "comm")).StartsWith(name, StringComparison.Ordinal))
                        total += ProcessCpu(pid, withExitedChildren: true);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
        return total;
    }

    /// <summary>user + system time from /proc/pid/stat (fields 14–15, and 16–17 for exited children; ticks of 1/100 s).</summary>
    public static TimeSpan ProcessCpu(int pid, bool withExitedChildren = false)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = fields.Skip(11).Take(withExitedChildren ? 4 : 2).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The whole machine's busy and total CPU time so far, from the first line of /proc/stat.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (TimeSpan.FromSeconds((total - idle) / 100.0), TimeSpan.FromSeconds(total / 100.0));
    }

    private static long ProcStatus(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
